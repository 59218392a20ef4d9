package io.baeum.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every queue a service uses is declared, with a dead-letter queue ({@code <queue>-dlq}, itself declared, a redrive
 * after a few receives), in every set of queue definitions; and the sets agree with each other.
 */
final class QueueChecks {

    private QueueChecks() {
    }

    /**
     * @param definitions where → its queues, e.g. {@code deploy/local/elasticmq/elasticmq.conf} → ...
     */
    static List<String> check(List<ServiceModule> services, Map<String, Map<String, QueueDefinitions.Queue>> definitions) {
        List<String> violations = new ArrayList<>();
        definitions.forEach((where, queues) -> {
            for (ServiceModule service : services) {
                service.queues().forEach((queue, usedBy) -> {
                    boolean isDeadLetterQueue = queues.values().stream().anyMatch(q -> q.deadLetterQueue().filter(queue::equals).isPresent());
                    QueueDefinitions.Queue definition = queues.get(queue);
                    if (definition == null) {
                        violations.add(where + ": no queue " + queue + " (" + service.name() + ", " + usedBy + ")");
                    } else if (!isDeadLetterQueue) {
                        deadLetterQueue(where, definition, queues, violations);
                    }
                });
            }
            // a declared queue with no DLQ is a trap for whoever uses it next
            queues.values().stream()
                    .filter(q -> queues.values().stream().noneMatch(other -> other.deadLetterQueue().filter(q.name()::equals).isPresent()))
                    .forEach(q -> deadLetterQueue(where, q, queues, violations));
        });

        List<String> wheres = new ArrayList<>(definitions.keySet());
        for (int i = 1; i < wheres.size(); i++) {
            Map<String, QueueDefinitions.Queue> first = definitions.get(wheres.getFirst());
            Map<String, QueueDefinitions.Queue> other = definitions.get(wheres.get(i));
            Set<String> names = new TreeSet<>(first.keySet());
            names.addAll(other.keySet());
            for (String name : names) {
                QueueDefinitions.Queue a = first.get(name);
                QueueDefinitions.Queue b = other.get(name);
                if (a == null || b == null) {
                    violations.add("queue " + name + " is in " + (a == null ? wheres.get(i) : wheres.getFirst())
                            + " but not in " + (a == null ? wheres.getFirst() : wheres.get(i)));
                } else if (!a.deadLetterQueue().equals(b.deadLetterQueue()) || a.maxReceiveCount() != b.maxReceiveCount()
                        || !Objects.equals(a.visibilityTimeoutSeconds(), b.visibilityTimeoutSeconds())) {
                    violations.add("queue " + name + " differs: " + wheres.getFirst() + " " + a + ", " + wheres.get(i) + " " + b);
                }
            }
        }
        return violations.stream().distinct().toList();
    }

    private static void deadLetterQueue(String where, QueueDefinitions.Queue queue, Map<String, QueueDefinitions.Queue> queues,
                                        List<String> violations) {
        if (queue.deadLetterQueue().isEmpty()) {
            violations.add(where + ": queue " + queue.name() + " has no dead-letter queue");
            return;
        }
        String dlq = queue.deadLetterQueue().get();
        if (!dlq.equals(queue.name() + "-dlq")) {
            violations.add(where + ": queue " + queue.name() + " redrives to " + dlq + ", not " + queue.name() + "-dlq");
        }
        if (!queues.containsKey(dlq)) {
            violations.add(where + ": queue " + queue.name() + " redrives to " + dlq + ", which is not declared");
        }
        if (queue.maxReceiveCount() < 1) {
            violations.add(where + ": queue " + queue.name() + " has no maxReceiveCount");
        }
    }
}
