/** The course feature of learning: the vimeo adapter. */
@NullMarked
package io.baeum.learning.course.vimeo;

import org.jspecify.annotations.NullMarked;
