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
    /** The characters a JS sink may be keyed on. */
    private static final String SINK_MARKERS = ":(`.[-";
    /** For each of {@link #JS_SINKS}, the index in {@link #SINK_MARKERS} of a character it holds, or -1 (built once). */
    private static final int[] SINK_MARKER = sinkMarkers();

    private static int[] sinkMarkers() {
        int[] marker = new int[JS_SINKS.length];
        for (int i = 0; i < JS_SINKS.length; i++) {
            marker[i] = -1;
            for (int m = 0; m < SINK_MARKERS.length(); m++) {
                if (JS_SINKS[i].indexOf(SINK_MARKERS.charAt(m)) >= 0) {
                    marker[i] = m;
                    break;
                }
            }
        }
        return marker;
    }
    private static final String[] NOSQL_OPS = {"$where", "$ne", "$gt", "$gte", "$lt", "$lte", "$regex", "$in",
        "$nin", "$or", "$and", "$not", "$nor", "$exists", "$expr", "$eq", "$function", "$accumulator",
        "$elemmatch", "$comment", "$type", "$mod", "$all", "$size", "$text", "$lookup"};
    private static final String[] COMMANDS = {"cat", "ls", "netstat", "ps", "tasklist", "exec", "system", "passthru", "popen", "id", "whoami", "uname", "wget", "curl", "nc", "ncat",
        "netcat", "bash", "sh", "zsh", "ping", "sleep", "echo", "rm", "chmod", "python", "perl", "ruby", "php",
        "nslookup", "dir", "type", "net", "powershell", "cmd", "ifconfig", "ipconfig", "passwd", "telnet", "touch",
        "reboot", "shutdown", "kill", "env", "printenv", "sysinfo", "systeminfo", "pwd", "find", "grep", "head",
        "tail", "more", "less", "xterm", "cp", "mv", "uptime", "hostname", "expr", "whoami", "getent", "base64",
        "/bin/", "/usr/", "usr/bin/", "bin/", "/etc/", "c:", "%0a", "$(", "`", "netsh", "phpinfo", "wmic", "certutil",
        "bitsadmin", "nohup", "sudo", "awk", "xargs", "nmap", "traceroute", "tracert"};
    /** Command names that are no English word, so they fire after a quote or as a whole value. */
    private static final String[] UNAMBIGUOUS = {"whoami", "uname", "netstat", "ifconfig", "ipconfig", "wget",
        "nslookup", "systeminfo", "tasklist", "netsh", "powershell", "phpinfo", "passthru", "printenv", "getent",
        "ncat", "netcat", "xterm", "chmod", "sysinfo", "nohup", "certutil", "bitsadmin", "wmic", "/bin/sh",
        "/bin/bash", "cmd.exe", "nmap", "traceroute", "tracert"};
    /** Functions that start a process, in Ruby, Python, PHP, Perl, Node and Java. */
    private static final String[] SPAWN_CALLS = {"exec", "system", "popen", "passthru", "shell_exec", "proc_open",
        "pcntl_exec", "spawn", "execsync", "spawnsync", "execfile", "check_output", "popen3", "capture2"};
    /** Commands whose argument is itself a command. */
    private static final String[] LAUNCHERS = {"which", "sudo", "nohup", "exec", "xargs"};
    /**
     * Each list by first character, in list order, so a position costs one array read and the names
     * that can start there (built once; the first match in list order is the same as in the list).
     */
    private static final String[][] COMMANDS_FIRST = byFirstChar(COMMANDS);
    /** The characters {@link #command}'s scan acts on: quotes and shell metacharacters. */
    private static final long[] COMMAND_STARTERS = Chars.set("'\";|&\n`><");
    private static final String[][] UNAMBIGUOUS_FIRST = byFirstChar(UNAMBIGUOUS);
    private static final String[][] LAUNCHERS_FIRST = byFirstChar(LAUNCHERS);

    private static String[][] byFirstChar(String[] names) {
        String[][] first = new String[128][];
        // loops rather than a stream per character: this runs at class initialization, interpreted
        for (char c = 0; c < 128; c++) {
            java.util.List<String> starting = new java.util.ArrayList<>();
            for (String name : names) {
                if (name.charAt(0) == c) {
                    starting.add(name);
                }
            }
            first[c] = starting.isEmpty() ? null : starting.toArray(new String[0]);
        }
        return first;
    }
    /** Absolute paths (after {@link #pathView}, so {@code /} stands for every separator) to system trees. */
    private static final String[] SENSITIVE_ROOTS = {"/etc/", "/proc/", "/root/", "/var/", "/usr/", "/bin/",
        "/home/", "/dev/", "/sys/", "/boot", "/windows", "/winnt", "c:/", "d:/", "//", "file:", "/etc", "/.ssh",
        "/.aws", "/.env", "/tmp/", "/inetpub"};
    /** Well-known system files and trees a traversal reaches for, anywhere in the path. */
    private static final String[] SENSITIVE_FILES = {"etc/passwd", "etc/shadow", "etc/group", "etc/hosts",
        "etc/issue", "etc/motd", "etc/crontab", "etc/sudoers", "etcpasswd", "boot.ini", "win.ini", "system.ini",
        "windows/system32", "winnt/system32", "system32/config", "proc/self/", "proc/version", "web-inf/",
        ".ssh/id_", ".ssh/authorized_keys", ".aws/credentials", ".htpasswd", "apache/logs/", "log/apache",
        "log/httpd", "log/nginx"};
    /** The {@link #SENSITIVE_FILES} without a {@code /}: all a string without one can hold (built once). */
    private static final String[] SENSITIVE_FILES_NO_SLASH = withoutSlash(SENSITIVE_FILES);

    private static String[] withoutSlash(String[] names) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String f : names) {
            if (f.indexOf('/') < 0) {
                out.add(f);
            }
        }
        return out.toArray(new String[0]);
    }

    private MarkupDetectors() {}

    /** @param s decoded lower-case @param work counter @return script-capable markup or JS sink */
    public static boolean xss(String s, Work work) {
        return xss(s, Chars.of(s), work);
    }

    /** @param s decoded lower-case @param chars its characters @param work counter @return script-capable markup or JS sink */
    static boolean xss(String s, Chars chars, Work work) {
        work.add(s.length());
        return chars.has('<') && tags(s, work) || sinks(s, chars)
                // handler() fires only on an '=' after the name
                || (chars.holds('"') || chars.holds('\'') || chars.holds('>')) && chars.has('=') && handler(s, 0, work);
    }

    /** A script-capable tag, a {@code <!} trick, or an event handler inside a tag. */
    private static boolean tags(String s, Work work) {
        int n = s.length();
        int lastGt = s.lastIndexOf('>');
        int lastEq = s.lastIndexOf('=');
        boolean handlerChecked = false;
        for (int i = work.indexOf(s, '<', 0); i >= 0 && i + 1 < n; i = work.indexOf(s, '<', i + 1)) {
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
                    if (handler(s, k, work)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** A JS sink, looked for only when the string holds its marker character (contains implies it). */
    private static boolean sinks(String s, Chars chars) {
        for (int k = 0; k < JS_SINKS.length; k++) {
            int marker = SINK_MARKER[k];
            if ((marker < 0 || chars.has(SINK_MARKERS.charAt(marker))) && s.contains(JS_SINKS[k])) {
                return true;
            }
        }
        return false;
    }

    /** An {@code on<letters>=} event-handler attribute after a separator. */
    private static boolean handler(String s, int from, Work work) {
        int n = s.length();
        for (int i = work.indexOf(s, "on", from); i >= 0; i = work.indexOf(s, "on", i + 2)) {
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
            work.add(j - i);
            if (j > i + 3 && j < n && s.charAt(j) == '=') {
                return true;
            }
        }
        return false;
    }

    /** @param s decoded lower-case @param work counter @return template or expression syntax */
    public static boolean template(String s, Work work) {
        return template(s, Chars.of(s), work);
    }

    /** @param s decoded lower-case @param chars its characters @param work counter @return template or expression syntax */
    static boolean template(String s, Chars chars, Work work) {
        work.add(s.length());
        if (!chars.any(TEMPLATE_CHARS)) {
            return false; // every marker below holds one of these characters
        }
        int open = s.indexOf("{{");
        if (open >= 0 && s.indexOf("}}", open) > open) {
            return true;
        }
        for (String m : TEMPLATE_MARKERS) {
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

    /** Template markers after {@code {{…}}}, in the order {@link #template} tries them. */
    static final String[] TEMPLATE_MARKERS = {"${", "#{", "*{", "@{", "~{", "<%=", "<%", "{%", "${jndi", "#set(",
        "#foreach", "[[", "@("};
    /** The characters of which every template marker holds at least one: {@code { < # [ @}. */
    static final long[] TEMPLATE_CHARS = Chars.set("{<#[@");

    /** @param s decoded lower-case @param work counter @return a DOCTYPE, ENTITY or XInclude */
    public static boolean xxe(String s, Work work) {
        return xxe(s, Chars.of(s), work);
    }

    /** @param s decoded lower-case @param chars its characters @param work counter @return a DOCTYPE, ENTITY or XInclude */
    static boolean xxe(String s, Chars chars, Work work) {
        work.add(s.length());
        // every marker holds '<' or ':'; an entity reference needs '&' or '%' and ';'
        if (!chars.has('<') && !chars.has(':') && !((chars.has('&') || chars.has('%')) && chars.has(';'))) {
            return false;
        }
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

    /**
     * @param s decoded string
     * @param work counter
     * @return CR (or a CJK character whose low byte a server truncates to CR or LF), or LF or a Unicode line
     *     separator (U+2028, U+2029, U+0085) followed by a header field, {@code HTTP/} or markup
     */
    public static boolean crlf(String s, Work work) {
        return crlf(s, Chars.of(s), work);
    }

    /** As {@link #crlf(String, Work)}, with the string's characters read before. */
    static boolean crlf(String s, Chars chars, Work work) {
        work.add(s.length());
        if (!chars.has('\r') && !chars.has('\n') && !chars.beyondAscii()) {
            return false; // every character it looks for is CR, LF or beyond ASCII
        }
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\r' || c == '\u560a' || c == '\u560d') {
                return true;
            }
            if (c == '\n' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                // a bare line break is ordinary in multi-line text (and the Unicode ones split no HTTP header);
                // it is an injection when a header or markup follows
                int j = i + 1;
                while (j < n && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
                    j++;
                }
                int k = j;
                while (k < n && (s.charAt(k) >= 'a' && s.charAt(k) <= 'z' || s.charAt(k) >= '0' && s.charAt(k) <= '9'
                        || s.charAt(k) == '-')) {
                    k++;
                }
                work.add(k - i);
                if (j < n && s.charAt(j) == '<'
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
        for (int i = work.indexOf(s, '$', 0); i >= 0; i = work.indexOf(s, '$', i + 1)) {
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
        String t = pathView(s, work);
        int n = t.length();
        boolean spaced = t.indexOf(' ') >= 0;
        for (int i = work.indexOf(t, "..", 0); i >= 0; i = work.indexOf(t, "..", i + 1)) {
            int j = i + 2;
            while (j < n && t.charAt(j) == '.') {
                j++;
            }
            boolean before = i == 0 || "/=:;'\"{".indexOf(t.charAt(i - 1)) >= 0;
            boolean after = j < n && "/;{\u0000?%".indexOf(t.charAt(j)) >= 0;
            if (before && (after || j == n && i > 0 && t.charAt(i - 1) != ' ') || after && t.charAt(j) != '?' && j - i == 2) {
                return true;
            }
            if (j - i >= 6 && j < n && Character.isLetter(t.charAt(j)) && !spaced) {
                return true; // "......etcpasswd": separators stripped by a filter
            }
            if (j + 3 < n && t.charAt(j + 1) == '.' && t.charAt(j + 2) == '.' && t.charAt(j) > ' '
                    && !Character.isLetterOrDigit(t.charAt(j)) && t.charAt(j) != '.') {
                int k = j + 3;
                while (k < n && t.charAt(k) == '.') {
                    k++;
                }
                work.add(k - j);
                if (k < n && t.charAt(k) == t.charAt(j)) {
                    return true; // "..X..X": dot-dot and one separator the server maps to '/', repeated
                }
            }
            work.add(j - i);
            i = j - 1;
        }
        if (relative && n > 0 && (t.charAt(0) == '/' || n > 2 && t.charAt(1) == ':')) {
            return true;
        }
        if (n > 0 && "/cdf".indexOf(t.charAt(0)) >= 0) {
            for (String root : SENSITIVE_ROOTS) {
                if (n == 2 && root.equals("//")) {
                    continue; // a UNC root needs a server name after it; two backslashes alone are one escaped backslash
                }
                if (t.startsWith(root) || root.charAt(0) == '/' && t.startsWith(root, 1) && t.charAt(0) == '/') {
                    return true;
                }
            }
        }
        boolean slash = t.indexOf('/') >= 0;
        for (String target : slash ? SENSITIVE_FILES : SENSITIVE_FILES_NO_SLASH) {
            if (t.contains(target)) {
                return true;
            }
        }
        return t.indexOf('\u0000') >= 0 || targetWithAnySeparator(t, work);
    }

    /** Directories of well-known targets, each with the names a traversal reaches for below it. */
    private static final String[][] TARGET_TREES = {{"etc", "passwd", "shadow", "group", "hosts", "issue", "motd"},
        {"windows", "system32", "win.ini", "system.ini"}, {"winnt", "system32", "win.ini"}, {"system32", "drivers", "config"}};
    /** The most characters a separator spelling may take ({@code %f8%80%80%80%af} is 15). */
    private static final int MAX_SEPARATOR = 16;

    /**
     * A well-known target ({@code etc?passwd}, {@code windows?system32}) whose parts are joined by a
     * short run that is not a word (it holds a character other than a letter or digit, and no space):
     * a separator spelled in a form no decoder knows, such as the bit-flipped overlong bytes of
     * traversal fuzzers ({@code etc%c0%fepasswd}, where {@code %c0%fe} decodes to {@code >}). Bounded
     * work per occurrence of the directory name.
     */
    private static boolean targetWithAnySeparator(String t, Work work) {
        int n = t.length();
        for (String[] tree : TARGET_TREES) {
            String dir = tree[0];
            for (int at = work.indexOf(t, dir, 0); at >= 0; at = work.indexOf(t, dir, at + 1)) {
                int gap = at + dir.length();
                boolean separator = false;
                for (int k = gap; k < n && k <= gap + MAX_SEPARATOR && t.charAt(k) > ' '; k++) {
                    work.add(1);
                    if (separator) {
                        for (int f = 1; f < tree.length; f++) {
                            if (t.startsWith(tree[f], k)) {
                                return true;
                            }
                        }
                    }
                    separator |= !Character.isLetterOrDigit(t.charAt(k));
                }
            }
        }
        return false;
    }

    /**
     * The decoded string as a file system reads it: every character a server or file API maps to a
     * separator becomes {@code /} (backslash, the Unicode division slash and set minus, fullwidth
     * solidus and reverse solidus, private-use characters, which Windows best-fit and SFM mappings
     * turn into path characters, the spellings {@code 0x2f}/{@code 0x5c}, and {@code 2f}/{@code 5c}
     * right after dots, where a filter stripped the {@code %}); look-alike dots become {@code .}
     * (fullwidth full stop, one-dot leader, small full stop, {@code 0x2e}); control characters other
     * than NUL, which filters drop, are dropped. One pass; the string itself when nothing changes.
     */
    static String pathView(String s, Work work) {
        int n = s.length();
        StringBuilder b = null;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            char m = c;
            int skip = 0;
            if (c == '\\' || c == '\u2215' || c == '\u2216' || c == '\u2044' || c == '\uff0f' || c == '\uff3c'
                    || c == '\u29f5' || c == '\u29f8' || c == '\u29f9' || c == '\ufe68' || c >= '\ue000' && c <= '\uf8ff') {
                m = '/';
            } else if (c == '\uff0e' || c == '\u2024' || c == '\ufe52') {
                m = '.';
            } else if (c == '0' && i + 3 < n && s.charAt(i + 1) == 'x') {
                if (s.startsWith("2f", i + 2) || s.startsWith("5c", i + 2)) {
                    m = '/';
                    skip = 3;
                } else if (s.startsWith("2e", i + 2)) {
                    m = '.';
                    skip = 3;
                }
            } else if ((c == '2' || c == '5') && i >= 2 && s.charAt(i - 1) == '.' && s.charAt(i - 2) == '.'
                    && (s.startsWith("2f", i) || s.startsWith("5c", i))) {
                m = '/';
                skip = 1;
            } else if (c > 0 && c < ' ' && c != '\t' && c != '\n' && c != '\r') {
                m = 0;
            }
            if (m != c || skip > 0) {
                if (b == null) {
                    b = new StringBuilder(n);
                    b.append(s, 0, i);
                }
                if (m != 0) {
                    b.append(m);
                }
                i += skip;
            } else if (b != null) {
                b.append(c);
            }
        }
        work.add(n);
        return b == null ? s : b.toString();
    }

    /**
     * A shell metacharacter (or a quote that closes a string, before an unambiguous command name)
     * followed by a command; a substitution {@code $(…)}, backticks, {@code ${IFS}}, SSI exec, PHP
     * code ({@code <?php}, {@code <?=}); or a whole value that is a command line: a command then a
     * metacharacter, an option ({@code -a}), a URL or absolute path, a lone number
     * ({@code sleep 10}), or a command that runs its argument ({@code which curl}); or an
     * unambiguous command name (never an English word: {@code uname}, {@code netsh}) at the start.
     *
     * @param s decoded lower-case
     * @param work counter
     * @return whether s reads as a command injection
     */
    public static boolean command(String s, Work work) {
        return command(s, Chars.of(s), work);
    }

    /** As {@link #command(String, Work)}, with the string's characters read before. */
    static boolean command(String s, Chars chars, Work work) {
        work.add(s.length());
        int n = s.length();
        if (chars.has('$') && (chars.has('(') && s.contains("$(") && s.indexOf(')', s.indexOf("$(")) > 0
                || s.contains("${ifs"))
                || chars.has('<') && (s.contains("<!--#exec") || s.contains("<?php") || s.contains("<?="))) {
            return true;
        }
        if (chars.has('`')) {
            int tick = s.indexOf('`');
            if (s.indexOf('`', tick + 1) > tick + 1) {
                return true;
            }
        }
        if (chars.has('%') && chars.has('(') && chars.has(')')) {
            int close = s.lastIndexOf(')'); // once, so a run of "%x(" with no ')' stays linear
            for (int x = work.indexOf(s, "%x(", 0); x >= 0 && x + 3 < close; x = work.indexOf(s, "%x(", x + 1)) {
                if (x == 0 || !isWordChar(s.charAt(x - 1))) {
                    return true; // Ruby's %x(...), the backticks of another spelling
                }
            }
        }
        // a spawn call is a '(' then a quote
        if (chars.has('(') && (chars.has('"') || chars.has('\'')) && spawnCall(s, work)) {
            return true;
        }
        // the scan acts only on a quote or a metacharacter
        for (int i = 0, end = chars.any(COMMAND_STARTERS) ? n : 0; i < end; i++) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"') {
                int j = i + 1;
                while (j < n && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
                    j++; // spaces only (not further quotes), so a run of quotes stays linear
                }
                work.add(j - i);
                if (commandEnd(s, j, UNAMBIGUOUS_FIRST) >= 0) {
                    return true;
                }
                continue;
            }
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
        int end = commandEnd(s, first, COMMANDS_FIRST);
        if (end >= 0) {
            for (int i = first; i < n; i++) {
                char c = s.charAt(i);
                if (c == '|' || c == ';' || c == '&' || c == '/' && i > 0 && s.charAt(i - 1) == ' ' || c == '\\' || c == '(') {
                    return true;
                }
            }
            int arg = end;
            while (arg < n && s.charAt(arg) == ' ') {
                arg++;
            }
            if (arg > end && arg < n && commandLineArgument(s, arg)) {
                return true;
            }
        }
        int launcher = commandEnd(s, first, LAUNCHERS_FIRST);
        if (launcher >= 0 && launcher < n && s.charAt(launcher) == ' ') {
            int next = commandEnd(s, launcher + 1, COMMANDS_FIRST);
            if (next >= 0 && s.indexOf(' ', next) < 0) {
                return true; // "which curl", "sudo reboot": the whole value is a command line
            }
        }
        int plain = commandEnd(s, first, UNAMBIGUOUS_FIRST);
        return plain >= 0 && (plain == n || s.charAt(plain) == ' ');
    }

    /**
     * A call of a function that starts a process with a string literal as its argument, in any language
     * ({@code Kernel.exec("ls")}, {@code os.system('id')}, {@code shell_exec("id")}): a name of
     * {@link #SPAWN_CALLS} that no letter, digit or underscore precedes, then {@code (}, spaces and a quote.
     * Constant work per {@code (}.
     */
    private static boolean spawnCall(String s, Work work) {
        int n = s.length();
        for (int p = work.indexOf(s, '(', 0); p >= 0; p = work.indexOf(s, '(', p + 1)) {
            int q = p + 1;
            while (q < n && q <= p + 4 && s.charAt(q) == ' ') {
                q++;
            }
            work.add(q - p);
            if (q == n || s.charAt(q) != '"' && s.charAt(q) != '\'') {
                continue;
            }
            for (String name : SPAWN_CALLS) {
                int at = p - name.length();
                if (at >= 0 && s.startsWith(name, at) && (at == 0 || !isWordChar(s.charAt(at - 1)))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** An option ({@code -a}), a URL, or a number that ends the value, as a command's first argument. */
    private static boolean commandLineArgument(String s, int at) {
        int n = s.length();
        if (s.charAt(at) == '-' && at + 1 < n && s.charAt(at + 1) >= 'a' && s.charAt(at + 1) <= 'z') {
            return true;
        }
        int space = s.indexOf(' ', at);
        int tokenEnd = space < 0 ? n : space;
        int scheme = s.indexOf("://", at);
        if (scheme > at && scheme < tokenEnd) {
            return true;
        }
        int k = at;
        while (k < n && s.charAt(k) >= '0' && s.charAt(k) <= '9') {
            k++;
        }
        return k > at && k == n;
    }

    private static boolean startsCommand(String s, int at) {
        return commandEnd(s, at, COMMANDS_FIRST) >= 0;
    }

    /** @return the index after a command name of the list {@code first} indexes, at {@code at}, or -1 */
    private static int commandEnd(String s, int at, String[][] first) {
        if (at >= s.length() || s.charAt(at) >= 128 || first[s.charAt(at)] == null) {
            return -1;
        }
        for (String cmd : first[s.charAt(at)]) {
            if (s.startsWith(cmd, at)) {
                int end = at + cmd.length();
                if (end == s.length() || cmd.endsWith("/") || cmd.endsWith(":") || cmd.endsWith("(") || cmd.equals("`")
                        || " \t\n+;|&<>$\"'.,/\\%(".indexOf(s.charAt(end)) >= 0) {
                    return end;
                }
            }
        }
        return -1;
    }
}
