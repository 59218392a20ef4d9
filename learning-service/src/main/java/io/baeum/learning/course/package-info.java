/** The course feature of learning: application services and wiring; layers in sub-packages. */
@NullMarked
package io.baeum.learning.course;

import org.jspecify.annotations.NullMarked;
