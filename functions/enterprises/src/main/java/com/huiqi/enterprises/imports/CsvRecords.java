package com.huiqi.enterprises.imports;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 reader: one record at a time, so a file of any length needs memory for one
 * row only. Fields are separated by commas, records by CRLF or LF; a quoted field may hold commas,
 * line breaks and doubled quotes. A byte order mark at the start (spreadsheet programs write one
 * so that they read the Chinese back) is skipped.
 */
final class CsvRecords {

    /** Longer fields are refused: no field of an enterprise file is near it, so it is a malformed file. */
    static final int MAX_FIELD = 64 * 1024;

    /** The file is not well-formed CSV from this record on. */
    static final class MalformedCsv extends Exception {
        MalformedCsv(String message) {
            super(message, null, false, false);
        }
    }

    private final Reader in;
    private boolean started;
    private int pushedBack = -2;

    CsvRecords(Reader in) {
        this.in = in;
    }

    /** The next record's fields, or null at the end of the file. */
    List<String> next() throws IOException, MalformedCsv {
        int c = read();
        if (!started) {
            started = true;
            if (c == '\uFEFF') {
                c = read();
            }
        }
        if (c == -1) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    throw new MalformedCsv("unterminated quoted field");
                }
                if (c == '"') {
                    int d = read();
                    if (d == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = d;
                        continue;
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' || c == '\n' || c == -1) {
                if (c == '\r') {
                    int d = read();
                    if (d != '\n') {
                        unread(d);
                    }
                }
                fields.add(field.toString());
                return fields;
            } else if (c == '"' && field.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (wasQuoted) {
                throw new MalformedCsv("text after a closing quote");
            } else {
                field.append((char) c);
            }
            if (field.length() > MAX_FIELD) {
                throw new MalformedCsv("a field longer than " + MAX_FIELD + " characters");
            }
            c = read();
        }
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        return in.read();
    }

    private void unread(int c) {
        pushedBack = c;
    }
}
