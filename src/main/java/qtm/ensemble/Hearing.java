package qtm.ensemble;

import java.util.ArrayList;
import java.util.List;

/**
 * Which recorders override one of the calls whose default ignores the event (a jump, a collision, a homodyne step):
 * most read only states, and calling their no-op for every event is a virtual call the JIT cannot remove (the call
 * sites see several classes), so {@link Tally} calls only these.
 */
final class Hearing {
    private Hearing() {
    }

    /**
     * @param recorders the recorders
     * @param method the call's name
     * @param parameters its parameter types
     * @param <T> the recorders' type
     * @return those that override it, in order
     */
    static <T> List<T> of(T[] recorders, String method, Class<?>... parameters) {
        List<T> out = new ArrayList<>();
        for (T r : recorders) {
            try {
                if (!r.getClass().getMethod(method, parameters).isDefault()) {
                    out.add(r);
                }
            } catch (NoSuchMethodException e) {
                throw new AssertionError(e);
            }
        }
        return out;
    }
}
