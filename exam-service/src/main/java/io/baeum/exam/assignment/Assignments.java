package io.baeum.exam.assignment;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.codec.multipart.FilePart;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import reactor.core.publisher.Mono;

import io.baeum.common.error.DomainException;
import io.baeum.exam.assignment.persistence.FileStore;
import io.baeum.exam.assignment.storage.SubmissionStorage;
import io.baeum.exam.attempt.domain.Attempt;
import io.baeum.exam.attempt.persistence.AttemptStore;
import io.baeum.exam.config.ExamProperties;
import io.baeum.exam.evaluation.Evaluations;
import io.baeum.exam.evaluation.domain.EvaluationKind;
import io.baeum.exam.evidence.EvidenceLog;
import io.baeum.exam.evidence.Origin;

/**
 * Assignment files: type and size limits, stored behind {@link SubmissionStorage}, recorded with their
 * SHA-256 (the identical-file check) while the attempt is open; refused after its deadline.
 */
@Service
public class Assignments {

    private final AttemptStore attempts;
    private final Evaluations evaluations;
    private final FileStore files;
    private final SubmissionStorage storage;
    private final EvidenceLog evidence;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final ExamProperties properties;

    Assignments(AttemptStore attempts, Evaluations evaluations, FileStore files, SubmissionStorage storage, EvidenceLog evidence,
                TransactionalOperator tx, Clock clock, ExamProperties properties) {
        this.attempts = attempts;
        this.evaluations = evaluations;
        this.files = files;
        this.storage = storage;
        this.evidence = evidence;
        this.tx = tx;
        this.clock = clock;
        this.properties = properties;
    }

    public Mono<FileStore.SubmittedFile> upload(UUID attemptId, FilePart part, String trainee, Origin origin) {
        String name = part.filename().strip();
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        if (name.isEmpty() || name.length() > 200 || name.chars().anyMatch(Character::isISOControl) || name.contains("/") || name.contains("\\")) {
            return Mono.error(DomainException.invalid("FILE_NAME_INVALID", "the file name is empty, too long or has path characters"));
        }
        if (!properties.uploads().fileTypes().contains(extension)) {
            return Mono.error(DomainException.invalid("FILE_TYPE_NOT_ALLOWED", "allowed types: " + properties.uploads().fileTypes(),
                    String.join(", ", properties.uploads().fileTypes())));
        }
        // the cheap checks first, so a refused upload is never stored
        return checkOpen(attemptId, trainee)
                .then(storage.store(part.content(), properties.uploads().maxFileBytes()))
                .flatMap(stored -> checkOpen(attemptId, trainee)
                        .flatMap(a -> files.ofAttempt(a.id()).count().flatMap(count -> {
                            if (count >= properties.uploads().maxFilesPerAttempt()) {
                                return Mono.error(DomainException.conflict("TOO_MANY_FILES", "at most " + properties.uploads().maxFilesPerAttempt()
                                        + " files", properties.uploads().maxFilesPerAttempt()));
                            }
                            String type = part.headers().getContentType() == null ? "application/octet-stream"
                                    : part.headers().getContentType().toString();
                            FileStore.SubmittedFile file = new FileStore.SubmittedFile(UUID.randomUUID(), a.id(), trainee, name,
                                    type.length() > 100 ? "application/octet-stream" : type, stored.size(), stored.sha256(), stored.key(), clock.instant());
                            return files.insert(file)
                                    .then(evidence.record(trainee, trainee, EvidenceLog.Action.FILE_UPLOADED, a.evaluationId(), a.id(), origin,
                                            Map.of("file", name, "size", stored.size(), "sha256", stored.sha256())))
                                    .thenReturn(file);
                        }))
                        .as(tx::transactional)
                        .onErrorResume(error -> storage.delete(stored.key()).then(Mono.error(error))));
    }

    private Mono<Attempt> checkOpen(UUID attemptId, String trainee) {
        return attempts.lockShared(attemptId)
                .switchIfEmpty(Mono.error(Attempt::notFound))
                .map(a -> a.ownedBy(trainee))
                .flatMap(a -> evaluations.find(a.evaluationId()).map(e -> {
                    if (e.kind() != EvaluationKind.ASSIGNMENT) {
                        throw DomainException.rule("NOT_AN_ASSIGNMENT", "files are handed in for assignments only");
                    }
                    a.ensureAcceptsAnswers(clock.instant(), properties.attempts().saveGrace());
                    return a;
                }));
    }
}
