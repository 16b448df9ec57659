package com.huiqi.shared.enterprise;

import com.huiqi.shared.error.ApiException;
import com.huiqi.shared.validation.Fields;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;

/** The structured entries of RECORDS fields, each checked by {@link Entry#normalized}. */
public final class FileRecords {

    private FileRecords() {
    }

    /** A record entry that can check itself; {@code field} is where it sits in the request. */
    public interface Entry {
        Entry normalized(String field);
    }

    /** 联系人: a contact person of the enterprise (personal data). */
    public record Contact(String name, String role, String phone, String email) implements Entry {
        @Override
        public Contact normalized(String field) {
            return new Contact(Fields.text(field + ".name", name, 1, 50), Fields.optionalText(field + ".role", role, 50),
                    Fields.required(field + ".phone", Fields.optionalContactPhone(field + ".phone", phone)),
                    email == null ? null : Fields.email(field + ".email", email));
        }
    }

    /** 历史申报: an application the enterprise made before, with its outcome. */
    public record PastApplication(Integer year, String programme, String department, String outcome) implements Entry {
        private static final Set<String> OUTCOMES = Set.of("APPROVED", "REJECTED", "PENDING");

        @Override
        public PastApplication normalized(String field) {
            if (outcome == null || !OUTCOMES.contains(outcome)) {
                throw ApiException.validation(field + ".outcome", "申报结果须为 APPROVED、REJECTED 或 PENDING",
                        "outcome must be APPROVED, REJECTED or PENDING");
            }
            return new PastApplication(FileRecords.year(field + ".year", year), Fields.text(field + ".programme", programme, 2, 100),
                    Fields.optionalText(field + ".department", department, 64), outcome);
        }
    }

    /** 获得资助: a grant received, in yuan. */
    public record Grant(Integer year, String programme, String department, String amountYuan) implements Entry {
        @Override
        public Grant normalized(String field) {
            return new Grant(FileRecords.year(field + ".year", year), Fields.text(field + ".programme", programme, 2, 100),
                    Fields.optionalText(field + ".department", department, 64),
                    FieldValues.money(field + ".amountYuan", amountYuan, false).toPlainString());
        }
    }

    /** 失信记录: a listing on a dishonesty list; in force while {@code removedOn} is empty or later than today. */
    public record DishonestyRecord(String authority, String reason, String listedOn, String removedOn) implements Entry {
        @Override
        public DishonestyRecord normalized(String field) {
            LocalDate listed = date(field + ".listedOn", listedOn);
            LocalDate removed = removedOn == null ? null : date(field + ".removedOn", removedOn);
            if (removed != null && removed.isBefore(listed)) {
                throw ApiException.validation(field + ".removedOn", "移出日期不能早于列入日期",
                        "removedOn cannot be before listedOn");
            }
            return new DishonestyRecord(Fields.text(field + ".authority", authority, 2, 64),
                    Fields.text(field + ".reason", reason, 2, 200), listed.toString(),
                    removed == null ? null : removed.toString());
        }
    }

    /** 融资: one financing round. */
    public record FinancingRound(String date, String round, String amountYuan, String investors) implements Entry {
        @Override
        public FinancingRound normalized(String field) {
            return new FinancingRound(FileRecords.date(field + ".date", date).toString(), Fields.text(field + ".round", round, 1, 32),
                    FieldValues.money(field + ".amountYuan", amountYuan, false).toPlainString(),
                    Fields.optionalText(field + ".investors", investors, 200));
        }
    }

    static int year(String field, Integer year) {
        if (year == null || year < 1949 || year > LocalDate.now().getYear()) {
            throw ApiException.validation(field, "年度须为1949年至今年之间的年份", "year must be from 1949 to this year");
        }
        return year;
    }

    static LocalDate date(String field, String text) {
        if (text == null) {
            throw ApiException.validation(field, "“" + field + "”不能为空", field + " is required");
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.validation(field, "日期须为 YYYY-MM-DD 格式", "Dates must be YYYY-MM-DD");
        }
    }
}
