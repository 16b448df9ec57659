package com.huiqi.enterprises.imports;

import com.huiqi.shared.sheets.XlsxRows;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;

/**
 * The rows of an uploaded import file, CSV (UTF-8) or XLSX (its first sheet), pushed to a handler
 * one at a time as they are read: row 1 is the header, every later row with any non-empty cell is
 * data. Cells come stripped, an empty cell as "".
 */
final class ImportRows {

    /** The file formats an import takes. */
    enum Format {
        CSV("text/csv", "csv"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

        final String mediaType;
        final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        static Optional<Format> ofMediaType(String mediaType) {
            for (Format f : values()) {
                if (f.mediaType.equals(mediaType)) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }
    }

    interface Handler {
        void header(List<String> cells);

        /** @param rowNumber 1 is the header: the spreadsheet's row number, or the CSV record's */
        void row(int rowNumber, List<String> cells);
    }

    /** The file cannot be read as its format, with why in Chinese and English. */
    static final class Unreadable extends Exception {
        final String zh;
        final String en;

        Unreadable(String zh, String en) {
            super(en, null, false, false);
            this.zh = zh;
            this.en = en;
        }
    }

    private ImportRows() {
    }

    static void read(Path file, Format format, Handler handler) throws Unreadable {
        if (format == Format.CSV) {
            readCsv(file, handler);
        } else {
            readXlsx(file, handler);
        }
    }

    private static void readCsv(Path file, Handler handler) throws Unreadable {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (BufferedReader in = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file), decoder),
                64 * 1024)) {
            CsvRecords records = new CsvRecords(in);
            int number = 0;
            for (List<String> record = records.next(); record != null; record = records.next()) {
                number++;
                List<String> cells = record.stream().map(String::strip).toList();
                if (number == 1) {
                    handler.header(cells);
                } else if (cells.stream().anyMatch(c -> !c.isEmpty())) {
                    handler.row(number, cells);
                }
            }
            if (number == 0) {
                throw new Unreadable("文件为空", "The file is empty");
            }
        } catch (CharacterCodingException e) {
            throw new Unreadable("CSV 文件须为 UTF-8 编码", "A CSV file must be UTF-8 encoded");
        } catch (CsvRecords.MalformedCsv e) {
            throw new Unreadable("CSV 格式有误：" + e.getMessage(), "Malformed CSV: " + e.getMessage());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void readXlsx(Path file, Handler handler) throws Unreadable {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            boolean[] first = {true};
            boolean[] headerSeen = {false};
            XlsxRows.read(pkg, name -> {
                if (!first[0]) {
                    return Optional.empty(); // the first sheet is the data; others (a guide) are not read
                }
                first[0] = false;
                return Optional.of((rowNumber, cells) -> {
                    List<String> list = new ArrayList<>();
                    cells.forEach((column, text) -> {
                        while (list.size() < column) {
                            list.add("");
                        }
                        list.add(text.strip());
                    });
                    if (!headerSeen[0]) {
                        headerSeen[0] = true;
                        handler.header(list);
                    } else {
                        handler.row(rowNumber, list);
                    }
                });
            });
            if (!headerSeen[0]) {
                throw new Unreadable("文件为空", "The file is empty");
            }
        } catch (XlsxRows.UnreadableWorkbook | InvalidFormatException | IOException
                 | org.apache.poi.UnsupportedFileFormatException | org.apache.poi.ooxml.POIXMLException e) {
            throw new Unreadable("无法读取文件：须为 Excel 工作簿（.xlsx）", "The file is not a readable Excel workbook (.xlsx)");
        }
    }
}
