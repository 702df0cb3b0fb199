package dev.fnguard.internal;

/**
 * Describes an exception for operators without its messages: exception messages of user code and
 * libraries often quote the input, which must not reach logs.
 */
public final class Throwables {

    private static final int FRAMES = 8;

    private Throwables() {
    }

    /**
     * Class names and the top stack frames of an exception and its causes, without messages.
     *
     * @param t the exception
     * @return a multi-line description
     */
    public static String describe(Throwable t) {
        StringBuilder sb = new StringBuilder();
        Throwable cur = t;
        int depth = 0;
        while (cur != null && depth < 5) {
            sb.append(depth == 0 ? "" : "\ncaused by: ").append(cur.getClass().getName());
            StackTraceElement[] st = cur.getStackTrace();
            for (int i = 0; i < Math.min(FRAMES, st.length); i++) {
                sb.append("\n\tat ").append(st[i]);
            }
            cur = cur.getCause() == cur ? null : cur.getCause();
            depth++;
        }
        return sb.toString();
    }
}
