package com.huiqi.local;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * fauxqs (npm), an implementation of the SNS and SQS APIs, as a child process: the stack's
 * notifications topic, and a queue subscribed to it that records every outbound notification the
 * functions publish (raw delivery: each message is the event as published), for a developer or a
 * test to read with an SQS client. The functions publish through the real SNS client. It keeps
 * its state in memory, so recorded notifications are gone when the stack stops. It listens on all
 * interfaces (fauxqs has no option to bind to loopback only).
 */
final class Fauxqs implements AutoCloseable {

    static final String PACKAGE_DIR = "infra/fauxqs";
    /** The package's bin ("fauxqs": "dist/cli.js"), below node_modules. */
    static final String START_SCRIPT = "fauxqs/dist/cli.js";
    static final String TOPIC = "huiqi-notifications-local";
    static final String RECORDING_QUEUE = "huiqi-notifications-local-recorded";

    private final ChildProcess service;
    private final int port;
    private String topicArn;
    private String queueUrl;

    private Fauxqs(ChildProcess service, int port) {
        this.service = service;
        this.port = port;
    }

    static Fauxqs start(Path repoRoot, Path workDir) throws IOException {
        int port = FreePorts.pick();
        ChildProcess service = ChildProcess.startNode("fauxqs", repoRoot.resolve(PACKAGE_DIR), START_SCRIPT, List.of(),
                workDir, Map.of("FAUXQS_PORT", String.valueOf(port), "FAUXQS_HOST", "localhost",
                        "FAUXQS_DEFAULT_REGION", FunctionEnvironment.REGION));
        Fauxqs fauxqs = new Fauxqs(service, port);
        service.awaitAnswering(URI.create(fauxqs.endpoint() + "/health"));
        return fauxqs;
    }

    /** Creates the topic and the recording queue and subscribes one to the other. */
    Fauxqs bootstrap(SdkHttpClient http) {
        try (SnsClient sns = LocalClients.sns(endpoint(), http); SqsClient sqs = LocalClients.sqs(endpoint(), http)) {
            topicArn = sns.createTopic(t -> t.name(TOPIC)).topicArn();
            queueUrl = sqs.createQueue(q -> q.queueName(RECORDING_QUEUE)).queueUrl();
            String queueArn = sqs.getQueueAttributes(a -> a.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            sns.subscribe(s -> s.topicArn(topicArn).protocol("sqs").endpoint(queueArn)
                    .attributes(Map.of("RawMessageDelivery", "true")));
        }
        return this;
    }

    /** Where the SDK sends SNS and SQS calls. */
    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    String topicArn() {
        return topicArn;
    }

    String recordingQueueUrl() {
        return queueUrl;
    }

    @Override
    public void close() {
        service.close();
    }
}
