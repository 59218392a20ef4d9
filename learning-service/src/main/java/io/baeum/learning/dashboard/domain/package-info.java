/** The dashboards' figures as plain Java: rates, trends, evaluation summaries, study periods. */
@NullMarked
package io.baeum.learning.dashboard.domain;

import org.jspecify.annotations.NullMarked;
