package io.baeum.exam.bank.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

import io.baeum.common.error.DomainException;
import io.baeum.common.security.VerifiedAccessToken;
import io.baeum.common.web.ApiError;
import io.baeum.common.web.ApiResponse;
import io.baeum.exam.bank.QuestionBank;
import io.baeum.exam.bank.domain.AnswerKey;
import io.baeum.exam.bank.domain.Difficulty;
import io.baeum.exam.bank.domain.Item;
import io.baeum.exam.bank.domain.ItemDraft;
import io.baeum.exam.bank.domain.ItemType;
import io.baeum.exam.bank.persistence.ItemStore;
import io.baeum.exam.bank.sheet.ItemWorkbook;
import io.baeum.exam.config.ExamProperties;
import io.baeum.exam.paging.Paging;

/** The question bank for administrators: items, versions, the Excel template and imports. */
@RestController
class QuestionBankController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final QuestionBank bank;
    private final ItemStore store;
    private final ExamProperties.Uploads uploads;
    private final MessageSource messages;

    QuestionBankController(QuestionBank bank, ItemStore store, ExamProperties properties, MessageSource messages) {
        this.bank = bank;
        this.store = store;
        this.uploads = properties.uploads();
        this.messages = messages;
    }

    record ItemRequest(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[^\\p{Cntrl}]*") String courseId,
            @Nullable @Size(max = 100) @Pattern(regexp = "[^\\p{Cntrl}]*") String subject,
            @NotNull ItemType type,
            @NotNull Difficulty difficulty,
            @NotBlank @Size(max = ItemDraft.MAX_STEM) String stem,
            @Nullable @Size(max = ItemDraft.MAX_CHOICES) List<@NotBlank @Size(max = 500) String> choices,
            @Nullable @Size(max = ItemDraft.MAX_CHOICES) List<@NotNull @Min(1) @Max(ItemDraft.MAX_CHOICES) Integer> correctChoices,
            @Nullable @Size(max = 20) List<@NotBlank @Size(max = 200) String> acceptedAnswers,
            @Min(1) @Max(ItemDraft.MAX_POINTS) int points,
            @Nullable @Size(max = 4000) String explanation,
            @Nullable @Size(max = 20) List<@NotBlank @Size(max = 40) String> tags) {

        ItemDraft draft() {
            AnswerKey key = switch (type) {
                case SINGLE_CHOICE, MULTIPLE_CHOICE -> AnswerKey.ofChoices(Set.copyOf(correctChoices == null ? List.of() : correctChoices));
                case SHORT_ANSWER -> AnswerKey.ofAccepted(acceptedAnswers == null ? List.of() : acceptedAnswers);
                case ESSAY -> AnswerKey.none();
            };
            return new ItemDraft(courseId.strip(), subject == null || subject.isBlank() ? null : subject.strip(), type, difficulty, stem,
                    choices == null ? List.of() : choices, key, points, explanation == null || explanation.isBlank() ? null : explanation,
                    tags == null ? List.of() : tags);
        }
    }

    /** The whole item, key and explanation included: administrators only. */
    record ItemView(UUID id, UUID familyId, int version, boolean current, String courseId, @Nullable String subject, ItemType type,
                    Difficulty difficulty, String stem, List<String> choices, List<Integer> correctChoices, List<String> acceptedAnswers,
                    int points, @Nullable String explanation, List<String> tags, Instant createdAt) {
        static ItemView of(Item item) {
            ItemDraft c = item.content();
            return new ItemView(item.id(), item.familyId(), item.version(), item.current(), c.courseId(), c.subject(), c.type(),
                    c.difficulty(), c.stem(), c.choices(), c.key().choices().stream().sorted().toList(), c.key().accepted(), c.points(),
                    c.explanation(), c.tags(), item.createdAt());
        }
    }

    record RevisionView(boolean newVersion, ItemView item) {
    }

    @PostMapping("/api/v1/admin/question-banks/items")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ApiResponse<ItemView>> create(@Valid @RequestBody ItemRequest request, @AuthenticationPrincipal VerifiedAccessToken caller) {
        return bank.create(request.draft(), caller.subject()).map(item -> ApiResponse.ok(ItemView.of(item)));
    }

    /** Edits an item; once an attempt has shown it, the edit becomes a new version and the old one is retired. */
    @PutMapping("/api/v1/admin/question-banks/items/{id}")
    Mono<ApiResponse<RevisionView>> revise(@PathVariable UUID id, @Valid @RequestBody ItemRequest request,
            @AuthenticationPrincipal VerifiedAccessToken caller) {
        return bank.revise(id, request.draft(), caller.subject())
                .map(r -> ApiResponse.ok(new RevisionView(r.newVersion(), ItemView.of(r.item()))));
    }

    @GetMapping("/api/v1/admin/question-banks/items/{id}")
    Mono<ApiResponse<ItemView>> get(@PathVariable UUID id) {
        return store.find(id).switchIfEmpty(Mono.error(() -> DomainException.notFound("ITEM_NOT_FOUND", "no such item")))
                .map(item -> ApiResponse.ok(ItemView.of(item)));
    }

    @GetMapping("/api/v1/admin/question-banks/items")
    Mono<ApiResponse<List<ItemView>>> list(@RequestParam @Size(max = 64) String courseId,
            @RequestParam(required = false) @Nullable Difficulty difficulty, @RequestParam(required = false) @Nullable ItemType type,
            @RequestParam(required = false) @Nullable @Size(max = 40) String tag,
            @RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size) {
        Paging paging = Paging.of(page, size);
        ItemStore.PoolFilter filter = new ItemStore.PoolFilter(courseId, difficulty, tag, type);
        return Mono.zip(store.page(filter, paging).map(ItemView::of).collectList(), store.poolSize(filter))
                .map(t -> ApiResponse.ok(t.getT1(), paging.metadata(t.getT2())));
    }

    /** The import template (.xlsx): the columns and two example rows. */
    @GetMapping(value = "/api/v1/admin/question-banks/template", produces = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    ResponseEntity<byte[]> template() {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("question-bank-template.xlsx")
                        .build().toString())
                .body(ItemWorkbook.template());
    }

    /**
     * Imports a sheet, all or nothing: 200 with the counts (created, unchanged — a re-import of the same
     * file creates nothing), or 422 {@code IMPORT_REJECTED} whose data is the per-row report (row, column,
     * code, reason in Korean and English) and nothing is written.
     */
    @PostMapping(value = "/api/v1/admin/question-banks/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<ResponseEntity<ApiResponse<QuestionBank.ImportReport>>> importSheet(@RequestPart("file") Part part,
            @AuthenticationPrincipal VerifiedAccessToken caller, ServerWebExchange exchange) {
        if (!(part instanceof FilePart file)) {
            return Mono.error(DomainException.invalid("SHEET_REQUIRED", "send the sheet as the multipart file part 'file'"));
        }
        if (!file.filename().toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            return Mono.error(DomainException.invalid("SHEET_NOT_XLSX", "the sheet must be an .xlsx file"));
        }
        return DataBufferUtils.join(file.content(), (int) Math.min(Integer.MAX_VALUE, uploads.maxSheetBytes()))
                .onErrorMap(org.springframework.core.io.buffer.DataBufferLimitException.class,
                        e -> DomainException.invalid("SHEET_TOO_LARGE", "the sheet is larger than " + uploads.maxSheetBytes() + " bytes",
                                uploads.maxSheetBytes()))
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .switchIfEmpty(Mono.error(() -> DomainException.invalid("SHEET_UNREADABLE", "the file is empty")))
                .map(bytes -> ItemWorkbook.rows(bytes, uploads.maxSheetRows()))
                .flatMap(rows -> bank.importRows(rows, caller.subject()))
                .map(report -> report.applied() ? ResponseEntity.ok(ApiResponse.ok(report)) : rejected(report, exchange));
    }

    private ResponseEntity<ApiResponse<QuestionBank.ImportReport>> rejected(QuestionBank.ImportReport report, ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale() == null ? Locale.ENGLISH : exchange.getLocaleContext().getLocale();
        boolean korean = "ko".equals(locale.getLanguage());
        List<ApiError.FieldError> fields = new ArrayList<>();
        report.problems().forEach(p -> fields.add(new ApiError.FieldError("rows[" + p.row() + "]." + p.field(), p.code(),
                korean ? p.ko() : p.en())));
        Object[] args = {report.problems().size()};
        ApiError error = new ApiError(java.net.URI.create("about:blank"),
                messages.getMessage("baeum.error.IMPORT_REJECTED.title", args, "Import rejected", locale),
                HttpStatus.UNPROCESSABLE_CONTENT.value(),
                messages.getMessage("baeum.error.IMPORT_REJECTED.detail", args, "Nothing was imported.", locale),
                exchange.getRequest().getPath().value(), "IMPORT_REJECTED", fields);
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
                .body(new ApiResponse<>(false, report, error, Map.of("requestId", io.baeum.common.web.RequestIds.of(exchange).orElse(exchange.getRequest().getId()))));
    }
}
