/** The proxy-study admin API. */
@NullMarked
package io.baeum.learning.proxystudy.web;

import org.jspecify.annotations.NullMarked;
