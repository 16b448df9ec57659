package com.huiqi.enterprises;

import com.huiqi.shared.config.Env;
import com.huiqi.shared.storage.TableDefinition;
import com.huiqi.shared.storage.Tables;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.cryptography.dbencryptionsdk.dynamodb.DynamoDbEncryptionInterceptor;
import software.amazon.cryptography.dbencryptionsdk.dynamodb.model.DynamoDbTableEncryptionConfig;
import software.amazon.cryptography.dbencryptionsdk.dynamodb.model.DynamoDbTablesEncryptionConfig;
import software.amazon.cryptography.dbencryptionsdk.structuredencryption.model.CryptoAction;
import software.amazon.cryptography.materialproviders.IKeyring;
import software.amazon.cryptography.materialproviders.MaterialProviders;
import software.amazon.cryptography.materialproviders.model.AesWrappingAlg;
import software.amazon.cryptography.materialproviders.model.CreateAwsKmsMrkMultiKeyringInput;
import software.amazon.cryptography.materialproviders.model.CreateRawAesKeyringInput;
import software.amazon.cryptography.materialproviders.model.MaterialProvidersConfig;

/**
 * Field-level encryption of personal data at rest (003 §4.4.2) with the AWS Database Encryption SDK
 * for DynamoDB: every item of the personal-data table has its personal attributes encrypted and the
 * item signed in the SDK client, before anything leaves the function, so neither DynamoDB nor a
 * backup nor a reader of the raw table sees an identity number. The interceptor is a bean, which
 * shared-lib adds to every DynamoDB client of this function.
 *
 * <p>Keys: in AWS a KMS keyring on the data key ({@value #KMS_KEY_ARN}, from template.yaml); in the
 * local stack, where there is no KMS, a raw AES-256 keyring on the key the stack generates
 * ({@value #LOCAL_KEY}, base64). Neither set is a start-up failure: personal data is never written
 * in plain text because a setting is missing.
 */
@Factory
public class PersonalDataEncryption {

    static final String KMS_KEY_ARN = "PERSONAL_DATA_KEY_ARN";
    static final String LOCAL_KEY = "PERSONAL_DATA_LOCAL_KEY";

    /** Encrypted and signed: the personal figures of a file and the superseded personal values. */
    static final List<String> ENCRYPTED = List.of(EnterpriseFiles.PersonalFacts.FACTS, "claim");
    /** Signed, so an item cannot be moved to another key or have its history facts altered unnoticed. */
    static final List<String> SIGNED = List.of(TableDefinition.PK, TableDefinition.SK, "_type", "key",
            "supersededAt", "supersededBy", "withdrawn");

    @Singleton
    ExecutionInterceptor personalDataEncryption() {
        return interceptor(keyring());
    }

    static ExecutionInterceptor interceptor(IKeyring keyring) {
        Map<String, CryptoAction> actions = new java.util.HashMap<>();
        SIGNED.forEach(a -> actions.put(a, CryptoAction.SIGN_ONLY));
        ENCRYPTED.forEach(a -> actions.put(a, CryptoAction.ENCRYPT_AND_SIGN));
        DynamoDbTableEncryptionConfig table = DynamoDbTableEncryptionConfig.builder()
                // The logical name goes into every item's encryption context: the template's resource
                // name, the same in every deployment, unlike the physical table name.
                .logicalTableName(Tables.PERSONAL.logicalId())
                .partitionKeyName(TableDefinition.PK)
                .sortKeyName(TableDefinition.SK)
                .attributeActionsOnEncrypt(actions)
                // The optimistic-locking version changes on every write and conditions test it: unsigned.
                .allowedUnsignedAttributes(List.of("_version"))
                .keyring(keyring)
                .build();
        // Scoped to the requests that name the personal-data table: the SDK's interceptor passes
        // other tables' items through unchanged, but only after converting the whole request.
        return new TableScopedInterceptor(DynamoDbEncryptionInterceptor.builder()
                .config(DynamoDbTablesEncryptionConfig.builder()
                        .tableEncryptionConfigs(Map.of(Tables.PERSONAL.tableName(), table)).build())
                .build(), Tables.PERSONAL.tableName());
    }

    static IKeyring keyring() {
        MaterialProviders providers = MaterialProviders.builder()
                .MaterialProvidersConfig(MaterialProvidersConfig.builder().build()).build();
        var kmsKey = Env.get(KMS_KEY_ARN);
        if (kmsKey.isPresent()) {
            return providers.CreateAwsKmsMrkMultiKeyring(CreateAwsKmsMrkMultiKeyringInput.builder()
                    .generator(kmsKey.get()).build());
        }
        String local = Env.get(LOCAL_KEY).orElseThrow(() -> new IllegalStateException(
                "neither " + KMS_KEY_ARN + " nor " + LOCAL_KEY + " is set: personal data cannot be encrypted"));
        byte[] key = Base64.getDecoder().decode(local);
        if (key.length != 32) {
            throw new IllegalStateException(LOCAL_KEY + " must be a base64 AES-256 key (32 bytes)");
        }
        return providers.CreateRawAesKeyring(CreateRawAesKeyringInput.builder()
                .keyNamespace("huiqi-local").keyName("personal-data")
                .wrappingKey(ByteBuffer.wrap(key)).wrappingAlg(AesWrappingAlg.ALG_AES256_GCM_IV12_TAG16).build());
    }
}
