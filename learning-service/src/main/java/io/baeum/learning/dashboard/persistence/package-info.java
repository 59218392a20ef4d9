/** The dashboards' indexed SQL reads (no writes). */
@NullMarked
package io.baeum.learning.dashboard.persistence;

import org.jspecify.annotations.NullMarked;
