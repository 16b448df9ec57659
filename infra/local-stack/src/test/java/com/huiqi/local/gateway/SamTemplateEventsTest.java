package com.huiqi.local.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.huiqi.local.events.EventSourceSpec;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The non-HTTP events of a SAM template that the local stack delivers: schedules and DynamoDB streams. */
class SamTemplateEventsTest {

    private static SamTemplate parse(String yaml) throws Exception {
        return SamTemplate.parse(new ObjectMapper(new YAMLFactory()).readTree(yaml));
    }

    private static final String FUNCTION = """
            Resources:
              Worker:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: functions/publish
                  Handler: com.example.Worker::handleRequest
                  Events:
            """;

    @Test
    void readsRateSchedules() throws Exception {
        SamTemplate t = parse(FUNCTION + """
                        Hourly:
                          Type: Schedule
                          Properties:
                            Schedule: rate(1 hour)
                        Daily:
                          Type: Schedule
                          Properties:
                            Schedule: rate(2 days)
                """);
        assertEquals(new EventSourceSpec.Schedule("Worker", "Hourly", Duration.ofHours(1)), t.eventSources().get(0));
        assertEquals(Duration.ofDays(2), ((EventSourceSpec.Schedule) t.eventSources().get(1)).rate());
        assertTrue(t.routes().isEmpty());
    }

    @Test
    void refusesCronSchedulesRatherThanRunThemAtTheWrongTime() {
        var e = assertThrows(IllegalArgumentException.class, () -> parse(FUNCTION + """
                        Nightly:
                          Type: Schedule
                          Properties:
                            Schedule: cron(5 16 * * ? *)
                """));
        assertTrue(e.getMessage().contains("rate("), e.getMessage());
    }

    @Test
    void readsStreamsWithTheirTableBatchSizeFiltersAndRetries() throws Exception {
        SamTemplate t = parse(FUNCTION + """
                        Jobs:
                          Type: DynamoDB
                          Properties:
                            Stream: !GetAtt DataTable.StreamArn
                            StartingPosition: LATEST
                            BatchSize: 1
                            MaximumBatchingWindowInSeconds: 3
                            MaximumRetryAttempts: 0
                            FilterCriteria:
                              Filters:
                                - Pattern: '{"dynamodb":{"NewImage":{"_type":{"S":["Job"]}}}}'
                        All:
                          Type: DynamoDB
                          Properties:
                            Stream: !GetAtt DataTable.StreamArn
                """);
        EventSourceSpec.Stream jobs = (EventSourceSpec.Stream) t.eventSources().get(0);
        assertEquals("DataTable", jobs.tableLogicalId());
        assertEquals(1, jobs.batchSize());
        assertEquals(Duration.ofSeconds(3), jobs.batchingWindow());
        assertEquals(0, jobs.maximumRetryAttempts());
        assertEquals("Job", jobs.filterPatterns().get(0).at("/dynamodb/NewImage/_type/S/0").asText());
        EventSourceSpec.Stream all = (EventSourceSpec.Stream) t.eventSources().get(1);
        assertEquals(100, all.batchSize(), "Lambda's default");
        assertEquals(Duration.ZERO, all.batchingWindow(), "Lambda's default: no window");
        assertTrue(all.filterPatterns().isEmpty());
        assertEquals(2, all.maximumRetryAttempts(), "Lambda's -1 (until the records expire) is bounded locally");
    }
}
