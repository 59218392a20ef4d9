@NullMarked
package io.baeum.exam.grading.web;

import org.jspecify.annotations.NullMarked;
