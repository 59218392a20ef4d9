@NullMarked
package io.baeum.exam.evaluation.web;

import org.jspecify.annotations.NullMarked;
