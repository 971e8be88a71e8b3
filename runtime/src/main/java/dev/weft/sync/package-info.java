/** Go's sync and x/sync tools that the JDK lacks: WaitGroup, Once, weighted Semaphore, Singleflight. */
package dev.weft.sync;
