@NullMarked
package io.baeum.billing.receipt.web;

import org.jspecify.annotations.NullMarked;
