package qtm.ensemble;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An input stream that may hold at most a given number of bytes: what would come beyond it is an error, not an end.
 * A saved ensemble is compressed, and a small file can inflate to gigabytes (a gzip bomb); under this bound reading
 * one costs at most what its header and quantities allow, and a file that holds more is damaged.
 */
final class LimitedInput extends FilterInputStream {
    /** Raised when the stream holds more than its bound. */
    static final class Exceeded extends IOException {
        private static final long serialVersionUID = 1L;

        Exceeded(long limit) {
            super("it inflates to more than the " + limit + " bytes its header and quantities allow");
        }
    }

    private long limit;
    private long position;

    /**
     * @param in the stream
     * @param limit most bytes it may hold
     */
    LimitedInput(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    /** @param limit a new bound (the header declared how long the file is) */
    void limit(long limit) {
        this.limit = limit;
    }

    /** @return bytes read so far */
    long position() {
        return position;
    }

    @Override
    public int read() throws IOException {
        if (position >= limit) {
            return atLimit();
        }
        int c = in.read();
        if (c >= 0) {
            position++;
        }
        return c;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (position >= limit) {
            return atLimit();
        }
        int n = in.read(b, off, (int) Math.min(len, limit - position));
        if (n > 0) {
            position += n;
        }
        return n;
    }

    /** At the bound the stream must end: one more byte means the file holds more than it may. */
    private int atLimit() throws IOException {
        if (in.read() >= 0) {
            throw new Exceeded(limit);
        }
        return -1;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new UnsupportedOperationException("not needed");
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
