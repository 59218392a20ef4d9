/** The dashboards' HTTP adapter. */
@NullMarked
package io.baeum.learning.dashboard.web;

import org.jspecify.annotations.NullMarked;
