package io.baeum.billing.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Test data: learning's events as billing consumes them, and PortOne V2's documented payloads
 * ({@code GET /payments/{paymentId}}, {@code POST /payments/{paymentId}/cancel}, webhooks), including
 * fields billing ignores — card details among them — as PortOne sends them.
 */
public final class BillingMother {

    private BillingMother() {
    }

    /** A cohort learning offers: {@code CohortOffered.v1} on billing-events. */
    public static String cohortOffered(UUID cohortId, String title, long price, LocalDate from, LocalDate to, int lessons) {
        return cohortEvent("io.baeum.learning.CohortOffered.v1", cohortId, title, price, from, to, lessons, true, Instant.now());
    }

    public static String cohortEvent(String type, UUID cohortId, String title, long price, LocalDate from, LocalDate to, int lessons,
                                     boolean sellable, Instant time) {
        return """
                {"specversion":"1.0","id":"%s","type":"%s","source":"/learning-service","subject":"%s",
                 "time":"%s","datacontenttype":"application/json",
                 "data":{"cohortId":"%s","courseId":"%s","courseTitle":"%s","trainingType":"SAEOPJU",
                         "delivery":"NON_REALTIME_REMOTE","price":%d,"currency":"KRW","sellable":%s,
                         "studyFrom":"%s","studyTo":"%s","lessonCount":%d,"someFutureField":{"x":1}}}"""
                .formatted(UUID.randomUUID(), type, cohortId, time, cohortId, UUID.nameUUIDFromBytes(title.getBytes()), title, price,
                        sellable, from, to, lessons);
    }

    public static String lessonOpened(String accountId, UUID cohortId, UUID lessonId) {
        return """
                {"specversion":"1.0","id":"%s","type":"io.baeum.learning.LessonOpened.v1","source":"/learning-service",
                 "time":"%s","datacontenttype":"application/json",
                 "data":{"accountId":"%s","cohortId":"%s","lessonId":"%s"}}"""
                .formatted(UUID.randomUUID(), Instant.now(), accountId, cohortId, lessonId);
    }

    /** PortOne's {@code GET /payments/{paymentId}} body of a payment in {@code status} (PaidPayment shape). */
    public static String payment(String paymentId, String status, long total, long cancelled, String currency) {
        return """
                {"status":"%s","id":"%s","transactionId":"0191a6b1-tx","merchantId":"merchant-1","storeId":"store-1",
                 "method":{"type":"PaymentMethodCard","card":{"publisher":"KB","issuer":"KB","brand":"LOCAL","type":"CREDIT",
                   "ownerType":"PERSONAL","bin":"53275010","name":"KB국민카드","number":"53275010****1234"},
                   "installment":{"month":0,"isInterestFree":false}},
                 "channel":{"type":"TEST","id":"ch-1","key":"channel-key-1","name":"test","pgProvider":"TOSSPAYMENTS","pgMerchantId":"tosstest"},
                 "version":"V2","requestedAt":"2026-11-30T01:00:00Z","updatedAt":"2026-11-30T01:00:05Z","statusChangedAt":"2026-11-30T01:00:05Z",
                 "orderName":"Java 입문","amount":{"total":%d,"taxFree":0,"vat":%d,"supply":%d,"discount":0,"paid":%d,"cancelled":%d,"cancelledTaxFree":0},
                 "currency":"%s","customer":{"id":"t-1","name":"홍길동","email":"hong@example.com","phoneNumber":"01012345678"},
                 "promotionId":null,"isCulturalExpense":false,"paidAt":"2026-11-30T01:00:05Z","pgTxId":"pg-tx-1",
                 "receiptUrl":"https://receipt.example/%s","cancellations":[],"aNewFieldPortOneAddedLater":true}"""
                .formatted(status, paymentId, total, total / 11, total - total / 11, total, cancelled, currency, paymentId);
    }

    public static String failedPayment(String paymentId) {
        return """
                {"status":"FAILED","id":"%s","transactionId":"tx-f","merchantId":"m","storeId":"s","version":"V2",
                 "requestedAt":"2026-11-30T01:00:00Z","updatedAt":"2026-11-30T01:00:05Z","statusChangedAt":"2026-11-30T01:00:05Z",
                 "orderName":"x","amount":{"total":10000,"taxFree":0,"discount":0,"paid":0,"cancelled":0,"cancelledTaxFree":0},
                 "currency":"KRW","customer":{},"failedAt":"2026-11-30T01:00:05Z",
                 "failure":{"reason":"잔액 부족","pgCode":"51","pgMessage":"insufficient funds"}}""".formatted(paymentId);
    }

    public static String paymentNotFound() {
        return "{\"type\":\"PAYMENT_NOT_FOUND\",\"message\":\"결제 건이 존재하지 않습니다.\"}";
    }

    /** PortOne's 200 answer to {@code POST /payments/{paymentId}/cancel}: {@code {cancellation: SucceededPaymentCancellation}}. */
    public static String cancellation(long amount) {
        return """
                {"cancellation":{"status":"SUCCEEDED","id":"cancel-%s","pgCancellationId":"pg-c-1","totalAmount":%d,"taxFreeAmount":0,
                 "vatAmount":%d,"reason":"환불","cancelledAt":"2026-12-01T01:00:00Z","requestedAt":"2026-12-01T01:00:00Z",
                 "receiptUrl":"https://receipt.example/cancel","trigger":"API"}}""".formatted(UUID.randomUUID(), amount, amount / 11);
    }

    public static String cancelExceeds() {
        return "{\"type\":\"CANCEL_AMOUNT_EXCEEDS_CANCELLABLE_AMOUNT\",\"message\":\"결제 취소 금액이 취소 가능 금액을 초과합니다.\"}";
    }

    public static String cancellableInconsistent() {
        return "{\"type\":\"CANCELLABLE_AMOUNT_CONSISTENCY_BROKEN\",\"message\":\"취소 가능 잔액 검증에 실패했습니다.\"}";
    }

    /** A PortOne V2 webhook body (version 2024-04-25). */
    public static String webhook(String type, String paymentId) {
        return """
                {"type":"%s","timestamp":"%s","data":{"paymentId":"%s","storeId":"store-1","transactionId":"tx-1"}}"""
                .formatted(type, Instant.now(), paymentId);
    }
}
