package io.baeum.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The properties a module's {@code @ConfigurationProperties} records declare, read from their source (this module
 * depends on no service, so it reads the records as text): each record component becomes a property under the
 * record's prefix, in kebab case; a component whose type is a record of the same file contributes that record's
 * properties; a {@code Map} adds a key segment ({@code *}), a {@code List} an index ({@code [*]}).
 */
final class PropertyRecords {

    /**
     * One leaf property.
     *
     * @param name         e.g. {@code baeum.learning.accounts.base-url}, {@code baeum.auth.crypto.data-keys.*},
     *                     {@code baeum.learning.progress.keys[*].id}
     * @param required     validated as required ({@code @NotNull}, {@code @NotBlank}, {@code @NotEmpty}) on the way
     *                     from the prefix, with no {@code @DefaultValue} there
     * @param defaultValue the record's {@code @DefaultValue}, if any
     * @param source       the file that declares it
     */
    record Property(String name, boolean required, Optional<String> defaultValue, Path source) {
    }

    private static final Pattern CONFIGURATION_PROPERTIES =
            Pattern.compile("@ConfigurationProperties\\(\\s*(?:prefix\\s*=\\s*|value\\s*=\\s*)?\"([^\"]+)\"\\s*\\)");
    private static final Pattern RECORD = Pattern.compile("\\brecord\\s+(\\w+)\\s*\\(");
    private static final Pattern DEFAULT_VALUE = Pattern.compile("@DefaultValue(?:\\((.*?)\\))?(?=\\s|$)", Pattern.DOTALL);
    private static final Pattern REQUIRED = Pattern.compile("@(NotNull|NotBlank|NotEmpty)\\b");

    private PropertyRecords() {
    }

    /** Every property of every {@code @ConfigurationProperties} record under {@code sourceRoot}. */
    static List<Property> read(Path sourceRoot) {
        if (!Files.isDirectory(sourceRoot)) {
            return List.of();
        }
        List<Property> properties = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                Matcher annotation = CONFIGURATION_PROPERTIES.matcher(text);
                if (annotation.find()) {
                    Matcher record = RECORD.matcher(text);
                    if (record.find(annotation.end())) {
                        collect(text, record.group(1), annotation.group(1), true, file, properties, 0);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static void collect(String text, String recordName, String prefix, boolean requiredSoFar, Path file,
                                List<Property> out, int depth) {
        if (depth > 8) {
            throw new IllegalStateException("records nest too deep in " + file);
        }
        for (Component component : components(text, recordName, file)) {
            String name = prefix + "." + kebab(component.name());
            boolean required = requiredSoFar && component.required() && component.defaultValue().isEmpty();
            String type = component.type();
            String suffix = "";
            String element = type;
            Matcher generic = Pattern.compile("^(Map|List|Set|Collection)\\s*<(.*)>$", Pattern.DOTALL).matcher(type);
            if (generic.matches()) {
                List<String> arguments = splitTopLevel(generic.group(2));
                element = stripAnnotations(arguments.getLast()).strip();
                suffix = generic.group(1).equals("Map") ? ".*" : "[*]";
            }
            if (hasRecord(text, element)) {
                collect(text, element, name + suffix, required, file, out, depth + 1);
            } else {
                out.add(new Property(name + suffix, required, component.defaultValue(), file));
            }
        }
    }

    private record Component(String name, String type, boolean required, Optional<String> defaultValue) {
    }

    private static boolean hasRecord(String text, String name) {
        return Pattern.compile("\\brecord\\s+" + Pattern.quote(name) + "\\s*\\(").matcher(text).find();
    }

    private static List<Component> components(String text, String recordName, Path file) {
        Matcher header = Pattern.compile("\\brecord\\s+" + Pattern.quote(recordName) + "\\s*\\(").matcher(text);
        if (!header.find()) {
            throw new IllegalStateException("no record " + recordName + " in " + file);
        }
        int start = header.end();
        int depth = 1;
        int i = start;
        while (depth > 0) {
            char c = text.charAt(i++);
            if (c == '/' && text.charAt(i) == '/') {
                i = text.indexOf('\n', i);
            } else if (c == '/' && text.charAt(i) == '*') {
                i = text.indexOf("*/", i) + 2;
            } else if (c == '"') {
                while (text.charAt(i) != '"' || text.charAt(i - 1) == '\\') {
                    i++;
                }
                i++;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
        }
        String declarations = stripComments(text.substring(start, i - 1));
        List<Component> components = new ArrayList<>();
        for (String declaration : splitTopLevel(declarations)) {
            String withoutComments = declaration.strip();
            if (withoutComments.chars().filter(c -> c == '(').count() != withoutComments.chars().filter(c -> c == ')').count()) {
                throw new IllegalStateException("cannot read a component of " + recordName + " in " + file + ": " + withoutComments);
            }
            if (withoutComments.isEmpty()) {
                continue;
            }
            Matcher defaultValue = DEFAULT_VALUE.matcher(withoutComments);
            Optional<String> value = Optional.empty();
            if (defaultValue.find()) {
                String raw = defaultValue.group(1) == null ? "" : defaultValue.group(1).strip();
                value = Optional.of(raw.replaceAll("^\\{|}$", "").replaceAll("^\"|\"$", "").replace("\", \"", ","));
            }
            boolean required = REQUIRED.matcher(withoutComments).find();
            String bare = stripAnnotations(withoutComments).strip();
            int lastSpace = lastTopLevelSpace(bare);
            String type = bare.substring(0, lastSpace).strip();
            String name = bare.substring(lastSpace + 1).strip();
            components.add(new Component(name, type, required, value));
        }
        return components;
    }

    /** Removes comments, leaving string literals as they are. */
    private static String stripComments(String code) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == '"') {
                int end = i + 1;
                while (code.charAt(end) != '"' || code.charAt(end - 1) == '\\') {
                    end++;
                }
                out.append(code, i, end + 1);
                i = end + 1;
            } else if (code.startsWith("//", i)) {
                int end = code.indexOf('\n', i);
                i = end < 0 ? code.length() : end;
            } else if (code.startsWith("/*", i)) {
                i = code.indexOf("*/", i) + 2;
                out.append(' ');
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Removes annotations (with their arguments) wherever they are, also inside generic arguments. */
    private static String stripAnnotations(String declaration) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < declaration.length()) {
            char c = declaration.charAt(i);
            if (c == '@') {
                i++;
                while (i < declaration.length()
                        && (Character.isJavaIdentifierPart(declaration.charAt(i)) || declaration.charAt(i) == '.')) {
                    i++;
                }
                int j = i;
                while (j < declaration.length() && Character.isWhitespace(declaration.charAt(j))) {
                    j++;
                }
                if (j < declaration.length() && declaration.charAt(j) == '(') {
                    int depth = 0;
                    boolean inString = false;
                    do {
                        char d = declaration.charAt(j++);
                        if (d == '"' && declaration.charAt(j - 2) != '\\') {
                            inString = !inString;
                        } else if (!inString && d == '(') {
                            depth++;
                        } else if (!inString && d == ')') {
                            depth--;
                        }
                    } while (depth > 0 && j < declaration.length());
                    i = j;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString().replaceAll("\\s+", " ");
    }

    private static int lastTopLevelSpace(String declaration) {
        int depth = 0;
        int last = -1;
        for (int i = 0; i < declaration.length(); i++) {
            char c = declaration.charAt(i);
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            } else if (c == ' ' && depth == 0) {
                last = i;
            }
        }
        return last;
    }

    /** Splits on commas outside (), <>, {} and string literals. */
    static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean inString = false;
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' && (i == 0 || text.charAt(i - 1) != '\\')) {
                inString = !inString;
            } else if (!inString && (c == '(' || c == '<' || c == '{')) {
                depth++;
            } else if (!inString && (c == ')' || c == '>' || c == '}')) {
                depth--;
            } else if (!inString && c == ',' && depth == 0) {
                parts.add(text.substring(from, i));
                from = i + 1;
            }
        }
        parts.add(text.substring(from));
        return parts;
    }

    /** {@code baseUrl} → {@code base-url}. */
    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** For messages: the properties by name. */
    static Map<String, Property> byName(List<Property> properties) {
        Map<String, Property> map = new java.util.TreeMap<>();
        properties.forEach(p -> map.put(p.name(), p));
        return map;
    }
}
