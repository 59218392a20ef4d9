@NullMarked
package io.baeum.billing.catalogue.web;

import org.jspecify.annotations.NullMarked;
