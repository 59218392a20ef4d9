package io.baeum.deploy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The queues a deployment declares, as name → its settings: ElasticMQ's configuration (the local launcher, compose)
 * or the SQS queues of deploy/k8s/aws (AWS Controllers for Kubernetes {@code Queue} resources).
 */
final class QueueDefinitions {

    /**
     * @param deadLetterQueue         where a message goes after {@code maxReceiveCount} failed receives, if anywhere
     * @param visibilityTimeoutSeconds the queue's default, if it sets one
     */
    record Queue(String name, Optional<String> deadLetterQueue, int maxReceiveCount, Optional<Integer> visibilityTimeoutSeconds) {
    }

    private static final Pattern ELASTICMQ_QUEUE = Pattern.compile("^\\s*\"([a-z0-9-]+)\"\\s*\\{", Pattern.MULTILINE);
    private static final Pattern ELASTICMQ_DLQ =
            Pattern.compile("deadLettersQueue\\s*\\{\\s*name\\s*=\\s*\"([a-z0-9-]+)\"\\s*,\\s*maxReceiveCount\\s*=\\s*(\\d+)\\s*}");
    private static final Pattern ELASTICMQ_VISIBILITY = Pattern.compile("defaultVisibilityTimeout\\s*=\\s*(\\d+)\\s*seconds");
    private static final Pattern REDRIVE =
            Pattern.compile("\"deadLetterTargetArn\"\\s*:\\s*\"arn:aws:sqs:[^:]*:[^:]*:([a-z0-9-]+)\"\\s*,\\s*\"maxReceiveCount\"\\s*:\\s*(\\d+)");

    private QueueDefinitions() {
    }

    /** The {@code queues { ... }} block of an ElasticMQ configuration. */
    static Map<String, Queue> elasticMq(Path conf) {
        String text = ServiceModule.readString(conf).replaceAll("(?m)#.*$", "");
        int queues = text.indexOf("queues {");
        if (queues < 0) {
            return Map.of();
        }
        String block = text.substring(queues + "queues {".length());
        Map<String, Queue> result = new TreeMap<>();
        Matcher queue = ELASTICMQ_QUEUE.matcher(block);
        while (queue.find()) {
            String body = body(block, queue.end());
            Matcher dlq = ELASTICMQ_DLQ.matcher(body);
            Matcher visibility = ELASTICMQ_VISIBILITY.matcher(body);
            boolean hasDlq = dlq.find();
            result.put(queue.group(1), new Queue(queue.group(1), hasDlq ? Optional.of(dlq.group(1)) : Optional.empty(),
                    hasDlq ? Integer.parseInt(dlq.group(2)) : 0,
                    visibility.find() ? Optional.of(Integer.parseInt(visibility.group(1))) : Optional.empty()));
        }
        return result;
    }

    /** ACK {@code sqs.services.k8s.aws} {@code Queue} objects. */
    @SuppressWarnings("unchecked")
    static Map<String, Queue> ack(List<Map<String, Object>> objects) {
        Map<String, Queue> result = new TreeMap<>();
        for (Map<String, Object> object : objects) {
            if (!"Queue".equals(object.get("kind")) || !String.valueOf(object.get("apiVersion")).startsWith("sqs.services.k8s.aws/")) {
                continue;
            }
            Map<String, Object> spec = (Map<String, Object>) object.get("spec");
            String name = String.valueOf(spec.get("queueName"));
            Matcher redrive = REDRIVE.matcher(String.valueOf(spec.getOrDefault("redrivePolicy", "")));
            boolean hasDlq = redrive.find();
            Object visibility = spec.get("visibilityTimeout");
            result.put(name, new Queue(name, hasDlq ? Optional.of(redrive.group(1)) : Optional.empty(),
                    hasDlq ? Integer.parseInt(redrive.group(2)) : 0,
                    visibility == null ? Optional.empty() : Optional.of(Integer.parseInt(visibility.toString()))));
        }
        return result;
    }

    /** The text of a {@code { ... }} block whose opening brace ends just before {@code from}. */
    private static String body(String text, int from) {
        int depth = 1;
        int i = from;
        while (depth > 0 && i < text.length()) {
            char c = text.charAt(i++);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            }
        }
        return text.substring(from, i - 1);
    }
}
