package com.huiqi.shared.index;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;

/**
 * A Lucene index as one object, for the indexes functions keep in a bucket between instances (the
 * policy search index, the enterprise directory). Only the functions that keep such an index
 * declare Lucene; shared-lib depends on it optionally.
 */
public final class IndexFiles {

    private IndexFiles() {
    }

    /** The index's files in one zip. Lucene's files are already compressed; the zip only stores them. */
    public static byte[] zip(Directory dir) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(0);
            for (String name : dir.listAll()) {
                zip.putNextEntry(new ZipEntry(name));
                try (IndexInput in = dir.openInput(name, IOContext.READONCE)) {
                    byte[] bytes = new byte[(int) in.length()];
                    in.readBytes(bytes, 0, bytes.length);
                    zip.write(bytes);
                }
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** An index in memory from the bytes of {@link #zip}. */
    public static Directory unzip(byte[] bytes) {
        Directory dir = new ByteBuffersDirectory();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                byte[] file = zip.readAllBytes();
                try (IndexOutput out = dir.createOutput(e.getName(), IOContext.DEFAULT)) {
                    out.writeBytes(file, file.length);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** The bytes of an index's files. */
    public static long sizeOf(Directory dir) {
        try {
            long total = 0;
            for (String name : dir.listAll()) {
                total += dir.fileLength(name);
            }
            return total;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
