package com.huiqi.shared.sheets;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads an XLSX workbook row by row with POI's streaming (SAX) reader, so memory follows one row at
 * a time rather than the whole sheet: what both bulk imports (the catalogue's and the enterprise
 * files') need. Cells come as their displayed text, except date cells, which come as ISO text
 * (2026-12-01, or 2026-12-01 09:00 with a time) whatever their display format.
 */
public final class XlsxRows {

    /** What to do with the sheets of a workbook, in the workbook's order. */
    public interface Sheets {
        /** The reader of the rows of the sheet named {@code name}, or empty to skip it. */
        Optional<Rows> sheet(String name);
    }

    /** The non-empty cells of each row that has any, by column index (0 is A). */
    public interface Rows {
        /** @param rowNumber the spreadsheet's row number (1 is the first row) */
        void row(int rowNumber, SortedMap<Integer, String> cells);
    }

    /** The file is not a readable workbook. */
    public static final class UnreadableWorkbook extends Exception {
        UnreadableWorkbook(Throwable cause) {
            super(cause);
        }
    }

    private XlsxRows() {
    }

    /** Reads every sheet {@code sheets} asks for; the package stays the caller's to close. */
    public static void read(OPCPackage pkg, Sheets sheets) throws UnreadableWorkbook {
        try {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            XSSFReader.SheetIterator iterator = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (iterator.hasNext()) {
                try (InputStream sheetData = iterator.next()) {
                    Optional<Rows> rows = sheets.sheet(iterator.getSheetName());
                    if (rows.isEmpty()) {
                        continue;
                    }
                    XMLReader parser = XMLHelper.newXMLReader();
                    parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings,
                            new Collector(rows.get()), new IsoDates(), false));
                    parser.parse(new InputSource(sheetData));
                }
            }
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException
                 | org.apache.poi.UnsupportedFileFormatException | org.apache.poi.ooxml.POIXMLException e) {
            throw new UnreadableWorkbook(e);
        }
    }

    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final Rows rows;
        private SortedMap<Integer, String> cells = new TreeMap<>();
        private int rowNumber;

        Collector(Rows rows) {
            this.rows = rows;
        }

        @Override
        public void startRow(int rowNum) {
            rowNumber = rowNum + 1;
            cells = new TreeMap<>();
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            if (formattedValue != null && !formattedValue.isBlank()) {
                cells.put((int) new CellReference(reference).getCol(), formattedValue);
            }
        }

        @Override
        public void endRow(int rowNum) {
            if (!cells.isEmpty()) {
                rows.row(rowNumber, cells);
            }
        }
    }

    /** Date cells as ISO text, whatever their display format. */
    private static final class IsoDates extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime at = DateUtil.getLocalDateTime(value, use1904Windowing);
                return at.toLocalTime().equals(LocalTime.MIDNIGHT) ? at.toLocalDate().toString()
                        : at.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
        }
    }
}
