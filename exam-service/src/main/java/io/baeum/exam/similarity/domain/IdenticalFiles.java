package io.baeum.exam.similarity.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Identical files (same SHA-256 and size) handed in by different trainees. */
public final class IdenticalFiles {

    /** One uploaded file. */
    public record File(String submissionId, String owner, String name, String sha256, long size) {
    }

    public List<Finding> findings(List<File> files) {
        Map<String, List<File>> byContent = new LinkedHashMap<>();
        files.forEach(f -> byContent.computeIfAbsent(f.sha256() + ":" + f.size(), k -> new ArrayList<>()).add(f));
        Map<String, Finding> findings = new LinkedHashMap<>();
        for (List<File> same : byContent.values()) {
            for (int i = 0; i < same.size(); i++) {
                for (int j = i + 1; j < same.size(); j++) {
                    File a = same.get(i);
                    File b = same.get(j);
                    if (a.owner().equals(b.owner()) || a.submissionId().equals(b.submissionId())) {
                        continue;
                    }
                    Finding finding = new Finding(Finding.Kind.IDENTICAL_FILE, a.submissionId(), b.submissionId(), 1.0,
                            Map.of("sha256", a.sha256(), "size", a.size(), "firstName", a.name(), "secondName", b.name()));
                    findings.putIfAbsent(finding.first() + finding.second(), finding);
                }
            }
        }
        return new ArrayList<>(findings.values());
    }
}
