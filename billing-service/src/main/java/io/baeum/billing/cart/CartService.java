package io.baeum.billing.cart;

import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

import io.baeum.billing.cart.domain.Cart;
import io.baeum.billing.catalogue.persistence.CatalogueStore;
import io.baeum.common.error.DomainException;

/** The cart use cases: one cart per account, lines stored as {@code cart_line}, prices from the catalogue copy. */
@Service
public class CartService {

    private final DatabaseClient db;
    private final CatalogueStore catalogue;

    CartService(DatabaseClient db, CatalogueStore catalogue) {
        this.db = db;
        this.catalogue = catalogue;
    }

    public Mono<Cart> cart(String accountId) {
        return db.sql("SELECT c.* FROM cart_line l JOIN catalogue_cohort c ON c.cohort_id = l.cohort_id "
                        + "WHERE l.account_id = :account ORDER BY l.added_at, c.cohort_id")
                .bind("account", accountId)
                .map(CatalogueStore::cohort).all().collectList()
                .map(lines -> new Cart(accountId, lines));
    }

    public Mono<Cart> add(String accountId, UUID cohortId) {
        return catalogue.find(cohortId)
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("COHORT_NOT_FOUND", "no cohort " + cohortId + " is sold")))
                .zipWith(cart(accountId))
                .flatMap(t -> alreadyBought(accountId, cohortId).flatMap(bought -> {
                    t.getT2().checkAdd(t.getT1(), bought);
                    return db.sql("INSERT INTO cart_line (account_id, cohort_id) VALUES (:account, :cohort) ON CONFLICT DO NOTHING")
                            .bind("account", accountId).bind("cohort", cohortId).then();
                }))
                .then(Mono.defer(() -> cart(accountId)));
    }

    public Mono<Cart> remove(String accountId, UUID cohortId) {
        return db.sql("DELETE FROM cart_line WHERE account_id = :account AND cohort_id = :cohort")
                .bind("account", accountId).bind("cohort", cohortId).then().then(Mono.defer(() -> cart(accountId)));
    }

    /** Empties the cart; runs in the caller's transaction (placing an order). */
    public Mono<Void> clear(String accountId) {
        return db.sql("DELETE FROM cart_line WHERE account_id = :account").bind("account", accountId).then();
    }

    private Mono<Boolean> alreadyBought(String accountId, UUID cohortId) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM purchase_order o JOIN order_line l ON l.order_id = o.id "
                        + "WHERE o.account_id = :account AND l.cohort_id = :cohort AND o.status = 'PAID') AS bought")
                .bind("account", accountId).bind("cohort", cohortId)
                .map(row -> Boolean.TRUE.equals(row.get("bought", Boolean.class))).one();
    }
}
