package io.baeum.exam.similarity.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Identical improbable wrong answers on objective items (after Harpp and Hogan's "exact errors in
 * common" index). For each pair: EEIC = items both answered with the same wrong answer that at most
 * {@code improbableShare} of the cohort chose; D = items they answered differently. A pair is flagged
 * when EEIC ≥ {@code minCommon} and EEIC / max(D, 1) ≥ {@code minRatio}. Blank answers are not errors.
 */
public final class WrongAnswerIndex {

    /** A submission's answers to objective items: item id → the chosen answer (canonical text), and which are correct. */
    public record Sheet(String id, String owner, Map<String, String> answers, Map<String, Boolean> correct) {
    }

    private final double improbableShare;
    private final int minCommon;
    private final double minRatio;

    public WrongAnswerIndex(double improbableShare, int minCommon, double minRatio) {
        this.improbableShare = improbableShare;
        this.minCommon = minCommon;
        this.minRatio = minRatio;
    }

    public List<Finding> findings(List<Sheet> sheets) {
        // how many of those who saw an item chose each answer
        Map<String, Map<String, Integer>> chosen = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Sheet sheet : sheets) {
            sheet.answers().forEach((item, answer) -> {
                seen.merge(item, 1, Integer::sum);
                chosen.computeIfAbsent(item, k -> new HashMap<>()).merge(answer, 1, Integer::sum);
            });
        }
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < sheets.size(); i++) {
            for (int j = i + 1; j < sheets.size(); j++) {
                Sheet a = sheets.get(i);
                Sheet b = sheets.get(j);
                if (a.owner().equals(b.owner())) {
                    continue;
                }
                List<Map<String, Object>> common = new ArrayList<>();
                int differing = 0;
                for (var entry : a.answers().entrySet()) {
                    String item = entry.getKey();
                    String other = b.answers().get(item);
                    if (other == null) {
                        continue;
                    }
                    if (!other.equals(entry.getValue())) {
                        differing++;
                    } else if (!a.correct().getOrDefault(item, true)
                            && chosen.get(item).get(other) <= Math.max(2, improbableShare * seen.get(item))) {
                        Map<String, Object> shared = new LinkedHashMap<>();
                        shared.put("itemId", item);
                        shared.put("answer", other);
                        shared.put("chosenBy", chosen.get(item).get(other));
                        shared.put("of", seen.get(item));
                        common.add(shared);
                    }
                }
                double ratio = (double) common.size() / Math.max(1, differing);
                if (common.size() >= minCommon && ratio >= minRatio) {
                    Map<String, Object> evidence = new LinkedHashMap<>();
                    evidence.put("identicalImprobableWrong", common.size());
                    evidence.put("differing", differing);
                    evidence.put("ratio", Math.round(ratio * 100) / 100.0);
                    evidence.put("items", common);
                    findings.add(new Finding(Finding.Kind.COMMON_WRONG_ANSWERS, a.id(), b.id(), common.size(), evidence));
                }
            }
        }
        return findings;
    }
}
