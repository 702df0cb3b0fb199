package dev.fnguard.detect.internal;

/**
 * Detectors that look for fixed markers in the decoded, lower-cased string: XSS, template
 * injection, XXE, CRLF, NoSQL operators, path traversal, OS commands. Each is a single forward scan
 * using {@link String#indexOf} and character tests; none uses a regular expression.
 */
public final class MarkupDetectors {

    private static final String[] SCRIPT_TAGS = {"script", "svg", "math", "iframe", "frame", "object", "embed",
        "img", "image", "body", "style", "link", "meta", "base", "form", "input", "video", "audio", "source",
        "details", "marquee", "isindex", "applet", "xml", "xss", "a", "div", "table", "td", "button", "textarea",
        "select", "keygen", "template", "animate", "set", "html", "frameset", "bgsound", "layer", "x"};
    private static final String[] JS_SINKS = {"javascript:", "vbscript:", "livescript:", "data:text/html",
        "alert(", "alert`", "prompt(", "confirm(", "eval(", "document.cookie", "document.domain",
        "fromcharcode", "expression(", "-moz-binding", "document.write", "window.location", "settimeout(",
        "constructor(", ".innerhtml", "top[", "window["};
    private static final String[] NOSQL_OPS = {"$where", "$ne", "$gt", "$gte", "$lt", "$lte", "$regex", "$in",
        "$nin", "$or", "$and", "$not", "$nor", "$exists", "$expr", "$eq", "$function", "$accumulator",
        "$elemmatch", "$comment", "$type", "$mod", "$all", "$size", "$text", "$lookup"};
    private static final String[] COMMANDS = {"cat", "ls", "netstat", "ps", "tasklist", "exec", "system", "passthru", "popen", "id", "whoami", "uname", "wget", "curl", "nc", "ncat",
        "netcat", "bash", "sh", "zsh", "ping", "sleep", "echo", "rm", "chmod", "python", "perl", "ruby", "php",
        "nslookup", "dir", "type", "net", "powershell", "cmd", "ifconfig", "ipconfig", "passwd", "telnet", "touch",
        "reboot", "shutdown", "kill", "env", "printenv", "sysinfo", "systeminfo", "pwd", "find", "grep", "head",
        "tail", "more", "less", "xterm", "cp", "mv", "uptime", "hostname", "expr", "whoami", "getent", "base64",
        "/bin/", "/usr/", "usr/bin/", "bin/", "/etc/", "c:", "%0a", "$(", "`"};
    private static final String[] SENSITIVE_ROOTS = {"/etc/", "/proc/", "/root/", "/var/", "/usr/", "/bin/",
        "/home/", "/dev/", "/sys/", "/boot", "/windows", "/winnt", "c:/", "c:\\", "d:/", "d:\\", "\\\\",
        "file:", "/etc", "/.ssh", "/.aws", "/.env", "/tmp/"};

    private MarkupDetectors() {}

    /** @param s decoded lower-case @param work counter @return script-capable markup or JS sink */
    public static boolean xss(String s, Work work) {
        work.add(s.length());
        int n = s.length();
        int lastGt = s.lastIndexOf('>');
        int lastEq = s.lastIndexOf('=');
        boolean handlerChecked = false;
        for (int i = s.indexOf('<'); i >= 0 && i + 1 < n; i = s.indexOf('<', i + 1)) {
            int j = i + 1;
            while (j < n && (s.charAt(j) == '/' || s.charAt(j) <= ' ' && s.charAt(j) != ' ')) {
                j++;
            }
            if (j < n && s.charAt(j) == '!') {
                return true; // <!-- --> and <![cdata[ tricks
            }
            int k = j;
            while (k < n && (Character.isLetterOrDigit(s.charAt(k)) || s.charAt(k) == ':' || s.charAt(k) == '-')) {
                k++;
            }
            if (k > j) {
                String tag = s.substring(j, k);
                int colon = tag.indexOf(':');
                if (colon >= 0) {
                    tag = tag.substring(colon + 1);
                }
                for (String t : SCRIPT_TAGS) {
                    if (t.equals(tag) && (k == n || !Character.isLetterOrDigit(s.charAt(k)))) {
                        if (k == n || s.charAt(k) != ' ' || t.length() > 1 || lastGt >= k || lastEq >= k) {
                            return true;
                        }
                    }
                }
                if (lastGt > k && !handlerChecked) {
                    handlerChecked = true;
                    if (handler(s, k)) {
                        return true;
                    }
                }
            }
        }
        for (String sink : JS_SINKS) {
            if (s.contains(sink)) {
                return true;
            }
        }
        return handler(s, 0) && (s.indexOf('"') >= 0 || s.indexOf('\'') >= 0 || s.indexOf('>') >= 0);
    }

    /** An {@code on<letters>=} event-handler attribute after a separator. */
    private static boolean handler(String s, int from) {
        int n = s.length();
        for (int i = s.indexOf("on", from); i >= 0; i = s.indexOf("on", i + 2)) {
            if (i > 0) {
                char p = s.charAt(i - 1);
                if (!(p <= ' ' || p == '"' || p == '\'' || p == '/' || p == ';')) {
                    continue;
                }
            }
            int j = i + 2;
            while (j < n && s.charAt(j) >= 'a' && s.charAt(j) <= 'z') {
                j++;
            }
            while (j < n && s.charAt(j) <= ' ') {
                j++;
            }
            if (j > i + 3 && j < n && s.charAt(j) == '=') {
                return true;
            }
        }
        return false;
    }

    /** @param s decoded lower-case @param work counter @return template or expression syntax */
    public static boolean template(String s, Work work) {
        work.add(s.length());
        int open = s.indexOf("{{");
        if (open >= 0 && s.indexOf("}}", open) > open) {
            return true;
        }
        for (String m : new String[] {"${", "#{", "*{", "@{", "~{", "<%=", "<%", "{%", "${jndi", "#set(", "#foreach", "[[", "@("}) {
            int at = s.indexOf(m);
            if (at >= 0) {
                if (m.equals("[[") || m.equals("@(")) {
                    if (s.indexOf(m.equals("[[") ? "]]" : ")", at) > at) {
                        return s.indexOf('.', at) > at || s.indexOf('*', at) > at;
                    }
                    continue;
                }
                if (m.equals("<%")) {
                    return true;
                }
                int close = s.indexOf(m.equals("{%") ? "%}" : "}", at + m.length());
                if (close > at || m.equals("${jndi") || m.equals("#set(") || m.equals("#foreach")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** @param s decoded lower-case @param work counter @return a DOCTYPE, ENTITY or XInclude */
    public static boolean xxe(String s, Work work) {
        work.add(s.length());
        return s.contains("<!doctype") || s.contains("<!entity") || s.contains("<!element") || s.contains("<!attlist")
                || s.contains("xi:include") || s.contains("xmlns:xi") || s.contains("<?xml-stylesheet")
                || s.contains("<?xml") || entityReference(s)
                || (s.contains(" system ") || s.contains("system \"") || s.contains("system '")) && s.contains("<!");
    }

    /** An {@code &name;} or {@code %name;} reference that the HTML decoder did not know. */
    private static boolean entityReference(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '&' || c == '%') {
                int j = i + 1;
                while (j < n && j - i < 32 && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
                    j++;
                }
                if (j > i + 1 && j < n && s.charAt(j) == ';' && Character.isLetter(s.charAt(i + 1))) {
                    return true;
                }
                i = j - 1 > i ? j - 1 : i;
            }
        }
        return false;
    }

    /** @param s decoded string @param work counter @return CR, LF or a Unicode line separator */
    public static boolean crlf(String s, Work work) {
        work.add(s.length());
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u0085' || c == '\u560a' || c == '\u560d') {
                return true;
            }
            if (c == '\n') {
                // a bare LF is ordinary in multi-line text; it is an injection when a header or markup follows
                int j = i + 1;
                while (j < n && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
                    j++;
                }
                int k = j;
                while (k < n && (s.charAt(k) >= 'a' && s.charAt(k) <= 'z' || s.charAt(k) == '-')) {
                    k++;
                }
                if (j < n && (s.charAt(j) == '<' || s.charAt(j) == '\n' && false)
                        || k < n && s.charAt(k) == ':' && (s.substring(j, k).contains("-") || HEADERS.contains(s.substring(j, k)))
                        || s.startsWith("http/", j)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static final java.util.Set<String> HEADERS = java.util.Set.of("location", "host", "refresh", "cookie",
            "authorization", "connection", "server", "link", "via", "expires", "pragma", "upgrade", "warning", "date");

    /** @param s decoded lower-case @param key whether s is an object key @param work counter @return a NoSQL operator */
    public static boolean nosql(String s, boolean key, Work work) {
        work.add(s.length());
        if (key) {
            return s.startsWith("$") && isOp(s, 0);
        }
        for (int i = s.indexOf('$'); i >= 0; i = s.indexOf('$', i + 1)) {
            if (isOp(s, i) && (i == 0 || "[{\"' :,".indexOf(s.charAt(i - 1)) >= 0)) {
                return true;
            }
        }
        return s.contains("db.") && s.contains("(") || s.contains("this.") && (s.contains("==") || s.contains("sleep"))
                || s.contains("';") && s.contains("return") || s.contains("\"||") || s.contains("'||");
    }

    private static boolean isOp(String s, int at) {
        for (String op : NOSQL_OPS) {
            if (s.startsWith(op, at)) {
                int end = at + op.length();
                if (end == s.length() || !Character.isLetterOrDigit(s.charAt(end))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * @param s decoded lower-case
     * @param relative whether the field is declared to hold a relative name
     * @param work counter
     * @return traversal, or an absolute path to a sensitive root (any absolute path when relative)
     */
    public static boolean path(String s, boolean relative, Work work) {
        work.add(s.length());
        int n = s.length();
        boolean spaced = s.indexOf(' ') >= 0;
        for (int i = s.indexOf(".."); i >= 0; i = s.indexOf("..", i + 1)) {
            int j = i + 2;
            while (j < n && s.charAt(j) == '.') {
                j++;
            }
            boolean before = i == 0 || "/\\=:;'\"{".indexOf(s.charAt(i - 1)) >= 0;
            boolean after = j < n && ("/\\;{\u0000?%".indexOf(s.charAt(j)) >= 0 || s.startsWith("0x2f", j) || s.startsWith("0x5c", j));
            if (before && (after || j == n && i > 0 && s.charAt(i - 1) != ' ') || after && j < n && s.charAt(j) != '?' && j - i == 2) {
                return true;
            }
            if (j - i >= 6 && j < n && Character.isLetter(s.charAt(j)) && !spaced) {
                return true; // "......etcpasswd": separators stripped by a filter
            }
            i = j - 1;
        }
        if (relative && n > 0 && (s.charAt(0) == '/' || s.charAt(0) == '\\' || n > 2 && s.charAt(1) == ':')) {
            return true;
        }
        String t = s.replace('\\', '/').replace("0x2f", "/").replace("0x5c", "/").replace("%c0/", "/");
        for (String root : SENSITIVE_ROOTS) {
            if (t.startsWith(root) || t.startsWith("/" + root) && root.startsWith("/")) {
                return true;
            }
        }
        return t.contains("/etc/passwd") || t.contains("/etc/shadow") || t.contains("boot.ini") || t.contains("win.ini")
                || t.contains("etcpasswd") || t.contains("etc/passwd") || t.contains("/proc/self") || t.contains("web-inf/") || t.contains("\u0000");
    }

    /** @param s decoded lower-case @param work counter @return a shell metacharacter followed by a command */
    public static boolean command(String s, Work work) {
        work.add(s.length());
        int n = s.length();
        if (s.contains("$(") && s.indexOf(')', s.indexOf("$(")) > 0 || s.contains("${ifs") || s.contains("<!--#exec")) {
            return true;
        }
        int tick = s.indexOf('`');
        if (tick >= 0 && s.indexOf('`', tick + 1) > tick + 1) {
            return true;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == ';' || c == '|' || c == '&' || c == '\n' || c == '`' || c == '>' || c == '<') {
                int j = i + 1;
                while (j < n && (s.charAt(j) <= ' ' || s.charAt(j) == '|' || s.charAt(j) == '&' || s.charAt(j) == '+'
                        || s.charAt(j) == '$' || s.charAt(j) == '\'' || s.charAt(j) == '"' || s.charAt(j) == ';')) {
                    j++;
                }
                work.add(j - i);
                if (startsCommand(s, j)) {
                    return true;
                }
                i = Math.max(i, j - 1);
            }
        }
        int first = 0;
        while (first < n && s.charAt(first) <= ' ') {
            first++;
        }
        if (startsCommand(s, first)) {
            for (int i = first; i < n; i++) {
                char c = s.charAt(i);
                if (c == '|' || c == ';' || c == '&' || c == '/' && i > 0 && s.charAt(i - 1) == ' ' || c == '\\' || c == '(') {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean startsCommand(String s, int at) {
        for (String cmd : COMMANDS) {
            if (s.startsWith(cmd, at)) {
                int end = at + cmd.length();
                if (end == s.length() || cmd.endsWith("/") || cmd.endsWith(":") || cmd.endsWith("(") || cmd.equals("`")
                        || " \t\n+;|&<>$\"'.,/\\%(".indexOf(s.charAt(end)) >= 0) {
                    return true;
                }
            }
        }
        return false;
    }
}
