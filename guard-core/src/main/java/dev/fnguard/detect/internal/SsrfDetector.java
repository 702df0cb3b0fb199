package dev.fnguard.detect.internal;

/**
 * SSRF targets in a URL: a scheme other than http(s), or a host that is loopback, private,
 * link-local (the cloud metadata address 169.254.169.254 included), a metadata host name, or an
 * IPv4 address spelled in decimal, octal or hex (as {@code inet_aton} reads it), or IPv6 forms of
 * these. Parsed by hand in one pass; no DNS lookups.
 */
public final class SsrfDetector {

    private static final String[] INTERNAL_NAMES = {"localhost", "metadata", "metadata.google.internal",
        "instance-data", "metadata.azure.com", "kubernetes.default", "kubernetes.default.svc"};
    private static final String[] REBIND_SUFFIXES = {".localhost", ".internal", ".local", ".nip.io", ".xip.io",
        ".sslip.io", ".localtest.me", ".lvh.me", "localtest.me", "lvh.me", ".burpcollaborator.net", ".1u.ms"};

    private SsrfDetector() {}

    /** @param s decoded lower-case URL @param work counter @return whether the URL targets the inside */
    public static boolean detect(String s, Work work) {
        work.add(s.length());
        String url = java.text.Normalizer.normalize(s.strip(), java.text.Normalizer.Form.NFKC);
        int colon = url.indexOf(':');
        int slashes = url.indexOf("//");
        if (colon > 0 && (slashes < 0 || colon < slashes)) {
            String scheme = url.substring(0, colon);
            boolean schemeLike = !scheme.isEmpty() && scheme.chars().allMatch(c -> c >= 'a' && c <= 'z' || c == '+' || c == '-' || c == '.' || c >= '0' && c <= '9');
            if (schemeLike && !scheme.equals("http") && !scheme.equals("https")) {
                if (!(Character.isDigit(scheme.charAt(0)) && slashes < 0 || scheme.equals(url.substring(0, colon)) && slashes < 0 && allDigits(url, colon + 1))) {
                    return true;
                }
            }
        }
        int start = slashes >= 0 ? slashes + 2 : 0;
        int end = url.length();
        for (int i = start; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                end = i;
                break;
            }
        }
        String authority = url.substring(start, end);
        int at = authority.lastIndexOf('@');
        int rawEnd = url.indexOf('/', start);
        int fragment = url.indexOf('#', start);
        if (at >= 0 && (authority.indexOf('@') != at || authority.indexOf('\\') >= 0)
                || fragment >= 0 && (rawEnd < 0 || fragment < rawEnd) && url.indexOf('@', fragment) > fragment
                        && (rawEnd < 0 || url.indexOf('@', fragment) < rawEnd)) {
            return true; // ambiguous authority ("a@b@c", "a\\@b", "a#@b"): parsers disagree on the host
        }
        int bs = authority.indexOf('\\');
        String host = at >= 0 ? authority.substring(at + 1) : bs >= 0 ? authority.substring(0, bs) : authority;
        if (url.indexOf(';', start) >= 0 && url.indexOf("//", url.indexOf(';', start)) > 0) {
            return true; // two URLs in one
        }
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            return ipv6Internal(close > 0 ? host.substring(1, close) : host.substring(1));
        }
        int port = host.lastIndexOf(':');
        if (port >= 0) {
            if (host.indexOf(':') != port) {
                return ipv6Internal(host);
            }
            host = host.substring(0, port);
        }
        // trailing dots cut once (not one copy of the host per dot, which is quadratic on a run of dots)
        int kept = host.length();
        while (kept > 0 && host.charAt(kept - 1) == '.') {
            kept--;
        }
        work.add(host.length() - kept);
        host = host.substring(0, kept);
        if (host.isEmpty()) {
            return false;
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '.' && c != '-' && c != '_' && c != '~' && c != '%') {
                return true; // a character no host name holds ("1.1.1.1&"): parsers disagree on where the host ends
            }
        }
        for (String name : INTERNAL_NAMES) {
            if (host.equals(name)) {
                return true;
            }
        }
        for (String suffix : REBIND_SUFFIXES) {
            if (host.endsWith(suffix)) {
                return true;
            }
        }
        long ip = ipv4(host);
        if (ip >= 0) {
            return ipv4Internal(ip);
        }
        // an internal dotted quad at the end of a longer name (example.com.127.0.0.1)
        String[] labels = host.split("\\.");
        if (labels.length > 4) {
            String tail = String.join(".", java.util.Arrays.copyOfRange(labels, labels.length - 4, labels.length));
            long t = ipv4(tail);
            return t >= 0 && ipv4Internal(t);
        }
        return false;
    }

    private static boolean zerosThenOne(String a) {
        if (!a.endsWith("1")) {
            return false;
        }
        for (int i = 0; i < a.length() - 1; i++) {
            if (a.charAt(i) != '0' && a.charAt(i) != ':') {
                return false;
            }
        }
        return a.indexOf(':') >= 0;
    }

    private static boolean allDigits(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return from < s.length();
    }

    /** inet_aton: 1 to 4 dot-separated parts, each decimal, octal (leading 0) or hex (0x). */
    static long ipv4(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length > 4) {
            return -1;
        }
        long[] v = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 12) {
                return -1;
            }
            try {
                if (p.startsWith("0x")) {
                    v[i] = p.length() == 2 ? 0 : Long.parseLong(p.substring(2), 16);
                } else if (p.length() > 1 && p.startsWith("0")) {
                    v[i] = Long.parseLong(p.substring(1), 8);
                } else {
                    v[i] = Long.parseLong(p);
                }
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        long ip;
        switch (v.length) {
            case 1: ip = v[0]; break;
            case 2: ip = (v[0] << 24) | (v[1] & 0xffffff); break;
            case 3: ip = (v[0] << 24) | (v[1] << 16) | (v[2] & 0xffff); break;
            default: ip = (v[0] << 24) | (v[1] << 16) | (v[2] << 8) | v[3]; break;
        }
        return ip > 0xffffffffL ? ip & 0xffffffffL : ip;
    }

    private static boolean ipv4Internal(long ip) {
        long a = ip >>> 24;
        long b = (ip >>> 16) & 0xff;
        return a == 0 || a == 127 || a == 10 || a == 172 && b >= 16 && b <= 31 || a == 192 && b == 168
                || a == 169 && b == 254 || a == 100 && b >= 64 && b <= 127 || a >= 224;
    }

    private static boolean ipv6Internal(String h) {
        int pct = h.indexOf('%');
        String a = pct >= 0 ? h.substring(0, pct) : h;
        if (a.equals("::") || a.equals("::1") || zerosThenOne(a) || a.startsWith("fe8") || a.startsWith("fe9")
                || a.startsWith("fea") || a.startsWith("feb") || a.startsWith("fc") || a.startsWith("fd")) {
            return true;
        }
        int last = a.lastIndexOf(':');
        String tail = a.substring(last + 1);
        if (tail.indexOf('.') > 0) {
            long ip = ipv4(tail);
            return ip >= 0 && ipv4Internal(ip);
        }
        if (a.startsWith("::ffff:") || a.startsWith("0:0:0:0:0:ffff:")) {
            String[] hex = a.substring(a.indexOf("ffff:") + 5).split(":");
            if (hex.length == 2) {
                try {
                    long ip = (Long.parseLong(hex[0], 16) << 16) | Long.parseLong(hex[1], 16);
                    return ipv4Internal(ip);
                } catch (NumberFormatException e) {
                    return true;
                }
            }
        }
        return false;
    }
}
