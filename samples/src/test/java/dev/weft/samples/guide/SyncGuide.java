package dev.weft.samples.guide;

import dev.weft.chan.RecvChan;
import dev.weft.context.Context;
import dev.weft.goroutine.Scope;
import dev.weft.sync.Once;
import dev.weft.sync.Semaphore;
import dev.weft.sync.Singleflight;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/** Snippets of docs/guide.md, "The sync package", "Semaphores" and "Singleflight". */
final class SyncGuide {
    private SyncGuide() {}

    static final AtomicInteger LOADS = new AtomicInteger();

    static Map<String, String> readConfig() {
        LOADS.incrementAndGet();
        return Map.of("mode", "fast");
    }

    // [guide:once]
    private final Once loaded = new Once();                      // var loaded sync.Once
    static final Supplier<Map<String, String>> CONFIG =
            Once.value(SyncGuide::readConfig);                   // sync.OnceValue(readConfig)

    void ensureLoaded() {
        loaded.run(() -> LOADS.incrementAndGet());               // loaded.Do(load)
    }
    // [/guide:once]

    static int once() {
        SyncGuide s = new SyncGuide();
        s.ensureLoaded();
        s.ensureLoaded();
        CONFIG.get();
        CONFIG.get();
        return LOADS.get();
    }

    /** Go's Mutex guarding a map: ReentrantLock. */
    static final class Counter {
        // [guide:mutex]
        private final ReentrantLock mu = new ReentrantLock();    // mu sync.Mutex
        private final Map<String, Integer> counts = new HashMap<>();

        void inc(String key) {
            mu.lock();                                           // mu.Lock()
            try {
                counts.merge(key, 1, Integer::sum);
            } finally {
                mu.unlock();                                     // defer mu.Unlock()
            }
        }
        // [/guide:mutex]

        int get(String key) {
            mu.lock();
            try {
                return counts.getOrDefault(key, 0);
            } finally {
                mu.unlock();
            }
        }
    }

    /** Go's RWMutex: ReentrantReadWriteLock. */
    static final class Cache {
        // [guide:rwmutex]
        private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();   // mu sync.RWMutex
        private final Map<String, String> entries = new HashMap<>();

        String get(String key) {
            rw.readLock().lock();                                // mu.RLock()
            try {
                return entries.get(key);
            } finally {
                rw.readLock().unlock();                          // defer mu.RUnlock()
            }
        }

        void put(String key, String value) {
            rw.writeLock().lock();                               // mu.Lock()
            try {
                entries.put(key, value);
            } finally {
                rw.writeLock().unlock();
            }
        }
        // [/guide:rwmutex]
    }

    static long atomics() throws InterruptedException {
        // [guide:atomic]
        AtomicLong hits = new AtomicLong();                      // var hits atomic.Int64
        AtomicReference<String> mode = new AtomicReference<>("slow");   // atomic.Pointer[string]
        try (Scope scope = Scope.open()) {
            for (int i = 0; i < 100; i++) {
                scope.go("hit", () -> hits.incrementAndGet());   // hits.Add(1)
            }
            scope.await();
        }
        boolean swapped = mode.compareAndSet("slow", "fast");    // mode.CompareAndSwap(old, new)
        // [/guide:atomic]
        return swapped ? hits.get() : -1;
    }

    static int concurrentMap() {
        // [guide:syncmap]
        ConcurrentHashMap<String, Integer> m = new ConcurrentHashMap<>();   // var m sync.Map
        m.put("a", 1);                                           // m.Store("a", 1)
        Integer prev = m.putIfAbsent("a", 2);                    // m.LoadOrStore("a", 2): 1, loaded
        m.computeIfAbsent("b", k -> 3);                          // compute only when missing
        StringBuilder all = new StringBuilder();
        m.forEach((k, v) -> all.append(k).append('=').append(v).append(' '));   // m.Range(...)
        m.remove("a");                                           // m.Delete("a")
        // [/guide:syncmap]
        return prev + m.get("b");
    }

    /** Go's sync.Cond: a Condition of a ReentrantLock. */
    static final class Mailbox {
        // [guide:cond]
        private final ReentrantLock mu = new ReentrantLock();
        private final Condition nonEmpty = mu.newCondition();    // sync.NewCond(&mu)
        private final Queue<String> items = new ArrayDeque<>();

        void put(String item) {
            mu.lock();
            try {
                items.add(item);
                nonEmpty.signal();                               // cond.Signal()
            } finally {
                mu.unlock();
            }
        }

        String take() throws InterruptedException {
            mu.lock();
            try {
                while (items.isEmpty()) {                        // for len(items) == 0 {
                    nonEmpty.await();                            //     cond.Wait()
                }
                return items.remove();
            } finally {
                mu.unlock();
            }
        }
        // [/guide:cond]
    }

    static int semaphore() throws InterruptedException {
        AtomicInteger inUse = new AtomicInteger();
        AtomicInteger maxInUse = new AtomicInteger();
        // [guide:semaphore]
        Semaphore sem = new Semaphore(3);                        // semaphore.NewWeighted(3)
        try (Scope scope = Scope.open()) {
            Context ctx = scope.context();
            for (int i = 0; i < 10; i++) {
                scope.go("query", () -> {
                    sem.acquire(ctx, 1);                         // if err := sem.Acquire(ctx, 1); err != nil {...}
                    try {
                        maxInUse.accumulateAndGet(inUse.incrementAndGet(), Math::max);
                        inUse.decrementAndGet();
                    } finally {
                        sem.release(1);                          // defer sem.Release(1)
                    }
                });
            }
            scope.await();
        }
        boolean got = sem.tryAcquire(3);                         // sem.TryAcquire(3)
        // [/guide:semaphore]
        return got ? maxInUse.get() : -1;
    }

    static int jdkSemaphore() throws InterruptedException {
        int[] used = {0};
        // [guide:jdksemaphore]
        java.util.concurrent.Semaphore tokens = new java.util.concurrent.Semaphore(3, true);   // sem := make(chan struct{}, 3)
        tokens.acquire();                                        // sem <- struct{}{}
        try {
            used[0]++;
        } finally {
            tokens.release();                                    // <-sem
        }
        // [/guide:jdksemaphore]
        return used[0] + tokens.availablePermits();
    }

    static String singleflight() throws InterruptedException {
        // [guide:singleflight]
        Singleflight<String, String> group = new Singleflight<>();   // var g singleflight.Group
        Singleflight.Result<String> r = group.doCall("user:42", () -> "Ada");   // v, err, shared := g.Do(key, fn)
        String v = r.value();                                    // r.shared(): other callers got it too
        RecvChan<Singleflight.Result<String>> ch = group.doChan("user:7", () -> "Grace");   // g.DoChan(key, fn)
        String w = ch.recv().get();                              // get() rethrows the call's failure
        group.forget("user:42");                                 // g.Forget(key)
        // [/guide:singleflight]
        return v + " " + w + " " + r.shared();
    }
}
