@NullMarked
package io.baeum.exam.similarity.web;

import org.jspecify.annotations.NullMarked;
