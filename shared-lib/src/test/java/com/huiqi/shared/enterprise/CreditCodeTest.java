package com.huiqi.shared.enterprise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.huiqi.shared.error.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "91350100M000100Y43", // the worked example of GB 32100-2015
            "91110000600037341L"}) // a Beijing code as printed on a business licence
    void acceptsPublishedCodes(String code) {
        assertEquals(code, CreditCode.of(code).value());
    }

    @Test
    void reportsMistypedCheckCharacterAtPosition18() {
        ApiException e = assertThrows(ApiException.class, () -> CreditCode.of("91350100M000100Y44"));
        assertEquals("INVALID_CREDIT_CODE", e.code());
        assertEquals("enterpriseCode[18]", e.field());
    }

    @Test
    void reportsForbiddenLetterWithItsPosition() {
        ApiException e = assertThrows(ApiException.class, () -> CreditCode.of("91350100MO00100Y43"));
        assertEquals("enterpriseCode[10]", e.field());
    }

    @Test
    void everySingleCharacterChangeIsCaught() {
        String good = "91350100M000100Y43";
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        for (int i = 0; i < 17; i++) {
            for (char c : alphabet.toCharArray()) {
                if (c == good.charAt(i)) {
                    continue;
                }
                String typo = good.substring(0, i) + c + good.substring(i + 1);
                assertThrows(ApiException.class, () -> CreditCode.of(typo), typo);
            }
        }
    }

    @Test
    void parseNamesTheCallersFieldWithThePosition() {
        ApiException typo = assertThrows(ApiException.class, () -> CreditCode.parse("creditCode", "91110000600037341M"));
        assertEquals("creditCode[18]", typo.field());
        ApiException letter = assertThrows(ApiException.class, () -> CreditCode.parse("creditCode", "9111000060003734IL"));
        assertEquals("creditCode[17]", letter.field());
        ApiException length = assertThrows(ApiException.class, () -> CreditCode.parse("creditCode", "91110000600037341L0"));
        assertEquals("creditCode", length.field());
        assertEquals("91110000600037341L", CreditCode.parse("creditCode", "91110000600037341L").value());
    }

    @Test
    void refusesWrongLength() {
        ApiException e = assertThrows(ApiException.class, () -> CreditCode.of("9135010"));
        assertEquals(422, e.status());
    }
}
