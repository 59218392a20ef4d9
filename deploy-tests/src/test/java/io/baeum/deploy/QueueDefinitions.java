package io.baeum.deploy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigUtil;
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

    private static final Pattern REDRIVE =
            Pattern.compile("\"deadLetterTargetArn\"\\s*:\\s*\"arn:aws:sqs:[^:]*:[^:]*:([a-z0-9-]+)\"\\s*,\\s*\"maxReceiveCount\"\\s*:\\s*(\\d+)");

    private QueueDefinitions() {
    }

    /** The {@code queues} of an ElasticMQ configuration file, read as ElasticMQ reads it (Typesafe Config). */
    static Map<String, Queue> elasticMq(Path conf) {
        return elasticMq(ElasticMqConfig.load(conf, Map.of()));
    }

    static Map<String, Queue> elasticMq(Config config) {
        Map<String, Queue> result = new TreeMap<>();
        if (!config.hasPath("queues")) {
            return result;
        }
        Config queues = config.getConfig("queues");
        for (String name : queues.root().keySet()) {
            Config queue = queues.getConfig(ConfigUtil.joinPath(name));
            boolean hasDlq = queue.hasPath("deadLettersQueue");
            result.put(name, new Queue(name,
                    hasDlq ? Optional.of(queue.getString("deadLettersQueue.name")) : Optional.empty(),
                    hasDlq ? queue.getInt("deadLettersQueue.maxReceiveCount") : 0,
                    queue.hasPath("defaultVisibilityTimeout")
                            ? Optional.of((int) queue.getDuration("defaultVisibilityTimeout").toSeconds()) : Optional.empty()));
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
}
