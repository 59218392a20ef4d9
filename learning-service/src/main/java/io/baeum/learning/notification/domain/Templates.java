package io.baeum.learning.notification.domain;

import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders templates from the resource bundle {@code notifications/templates} (UTF-8 properties; Korean is the
 * default text). Parameters are named, {@code {courseTitle}}; an unknown one renders empty. The output is plain
 * text (emails are sent as text/plain, so nothing a trainee typed becomes markup).
 */
public final class Templates {

    private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z]+)}");

    private final ResourceBundle bundle;

    public Templates(Locale locale) {
        this.bundle = ResourceBundle.getBundle("notifications/templates", locale);
    }

    public Message render(NotificationTemplate template, Map<String, String> params) {
        return new Message(fill(template.name() + ".subject", params), fill(template.name() + ".body", params),
                fill(template.name() + ".sms", params));
    }

    private String fill(String key, Map<String, String> params) {
        Matcher m = PARAM.matcher(bundle.getString(key));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(params.getOrDefault(m.group(1), "")));
        }
        m.appendTail(out);
        return out.toString();
    }
}
