@NullMarked
package io.baeum.billing.refund.web;

import org.jspecify.annotations.NullMarked;
