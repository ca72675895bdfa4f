package dev.runway.render.yaml;

import java.util.List;
import java.util.function.BiPredicate;

/**
 * Go's sort.Sort (pattern-defeating quicksort since Go 1.19), step for step. go-yaml v2 sorts map keys with a
 * comparison that is not transitive for some digit/letter mixes ("1", "01", "0x10"); only the same algorithm puts
 * such keys in the same order as Helm.
 */
final class GoSort {

    private GoSort() {}

    private static final int UNKNOWN_HINT = 0;
    private static final int INCREASING_HINT = 1;
    private static final int DECREASING_HINT = 2;

    static <T> void sort(List<T> data, BiPredicate<T, T> less) {
        int n = data.size();
        if (n <= 1) {
            return;
        }
        int limit = 32 - Integer.numberOfLeadingZeros(n);
        new Sorter<>(data, less).pdqsort(0, n, limit);
    }

    private static final class Sorter<T> {
        private final List<T> data;
        private final BiPredicate<T, T> lessFn;

        Sorter(List<T> data, BiPredicate<T, T> less) {
            this.data = data;
            this.lessFn = less;
        }

        private boolean less(int i, int j) {
            return lessFn.test(data.get(i), data.get(j));
        }

        private void swap(int i, int j) {
            T t = data.get(i);
            data.set(i, data.get(j));
            data.set(j, t);
        }

        private void insertionSort(int a, int b) {
            for (int i = a + 1; i < b; i++) {
                for (int j = i; j > a && less(j, j - 1); j--) {
                    swap(j, j - 1);
                }
            }
        }

        private void siftDown(int lo, int hi, int first) {
            int root = lo;
            while (true) {
                int child = 2 * root + 1;
                if (child >= hi) {
                    return;
                }
                if (child + 1 < hi && less(first + child, first + child + 1)) {
                    child++;
                }
                if (!less(first + root, first + child)) {
                    return;
                }
                swap(first + root, first + child);
                root = child;
            }
        }

        private void heapSort(int a, int b) {
            int first = a;
            int hi = b - a;
            for (int i = (hi - 1) / 2; i >= 0; i--) {
                siftDown(i, hi, first);
            }
            for (int i = hi - 1; i >= 0; i--) {
                swap(first, first + i);
                siftDown(0, i, first);
            }
        }

        void pdqsort(int a, int b, int limit) {
            final int maxInsertion = 12;
            boolean wasBalanced = true;
            boolean wasPartitioned = true;
            while (true) {
                int length = b - a;
                if (length <= maxInsertion) {
                    insertionSort(a, b);
                    return;
                }
                if (limit == 0) {
                    heapSort(a, b);
                    return;
                }
                if (!wasBalanced) {
                    breakPatterns(a, b);
                    limit--;
                }
                int[] ph = choosePivot(a, b);
                int pivot = ph[0];
                int hint = ph[1];
                if (hint == DECREASING_HINT) {
                    reverseRange(a, b);
                    pivot = (b - 1) - (pivot - a);
                    hint = INCREASING_HINT;
                }
                if (wasBalanced && wasPartitioned && hint == INCREASING_HINT) {
                    if (partialInsertionSort(a, b)) {
                        return;
                    }
                }
                if (a > 0 && !less(a - 1, pivot)) {
                    a = partitionEqual(a, b, pivot);
                    continue;
                }
                int[] mp = partition(a, b, pivot);
                int mid = mp[0];
                wasPartitioned = mp[1] == 1;
                int leftLen = mid - a;
                int rightLen = b - mid;
                int balanceThreshold = length / 8;
                if (leftLen < rightLen) {
                    wasBalanced = leftLen >= balanceThreshold;
                    pdqsort(a, mid, limit);
                    a = mid + 1;
                } else {
                    wasBalanced = rightLen >= balanceThreshold;
                    pdqsort(mid + 1, b, limit);
                    b = mid;
                }
            }
        }

        private int[] partition(int a, int b, int pivot) {
            swap(a, pivot);
            int i = a + 1;
            int j = b - 1;
            while (i <= j && less(i, a)) {
                i++;
            }
            while (i <= j && !less(j, a)) {
                j--;
            }
            if (i > j) {
                swap(j, a);
                return new int[] {j, 1};
            }
            swap(i, j);
            i++;
            j--;
            while (true) {
                while (i <= j && less(i, a)) {
                    i++;
                }
                while (i <= j && !less(j, a)) {
                    j--;
                }
                if (i > j) {
                    break;
                }
                swap(i, j);
                i++;
                j--;
            }
            swap(j, a);
            return new int[] {j, 0};
        }

        private int partitionEqual(int a, int b, int pivot) {
            swap(a, pivot);
            int i = a + 1;
            int j = b - 1;
            while (true) {
                while (i <= j && !less(a, i)) {
                    i++;
                }
                while (i <= j && less(a, j)) {
                    j--;
                }
                if (i > j) {
                    break;
                }
                swap(i, j);
                i++;
                j--;
            }
            return i;
        }

        private boolean partialInsertionSort(int a, int b) {
            final int maxSteps = 5;
            final int shortestShifting = 50;
            int i = a + 1;
            for (int step = 0; step < maxSteps; step++) {
                while (i < b && !less(i, i - 1)) {
                    i++;
                }
                if (i == b) {
                    return true;
                }
                if (b - a < shortestShifting) {
                    return false;
                }
                swap(i, i - 1);
                if (i - a >= 2) {
                    for (int j = i - 1; j >= 1; j--) {
                        if (!less(j, j - 1)) {
                            break;
                        }
                        swap(j, j - 1);
                    }
                }
                if (b - i >= 2) {
                    for (int j = i + 1; j < b; j++) {
                        if (!less(j, j - 1)) {
                            break;
                        }
                        swap(j, j - 1);
                    }
                }
            }
            return false;
        }

        private void breakPatterns(int a, int b) {
            int length = b - a;
            if (length >= 8) {
                long random = length;
                long modulus = 1L << (64 - Long.numberOfLeadingZeros(length));
                for (int idx = a + (length / 4) * 2 - 1; idx <= a + (length / 4) * 2 + 1; idx++) {
                    random ^= random << 13;
                    random ^= random >>> 7;
                    random ^= random << 17;
                    int other = (int) (random & (modulus - 1));
                    if (other >= length) {
                        other -= length;
                    }
                    swap(idx, a + other);
                }
            }
        }

        private int[] choosePivot(int a, int b) {
            final int shortestNinther = 50;
            final int maxSwaps = 4 * 3;
            int l = b - a;
            int[] swaps = {0};
            int i = a + l / 4;
            int j = a + l / 4 * 2;
            int k = a + l / 4 * 3;
            if (l >= 8) {
                if (l >= shortestNinther) {
                    i = median(i - 1, i, i + 1, swaps);
                    j = median(j - 1, j, j + 1, swaps);
                    k = median(k - 1, k, k + 1, swaps);
                }
                j = median(i, j, k, swaps);
            }
            if (swaps[0] == 0) {
                return new int[] {j, INCREASING_HINT};
            }
            if (swaps[0] == maxSwaps) {
                return new int[] {j, DECREASING_HINT};
            }
            return new int[] {j, UNKNOWN_HINT};
        }

        private int median(int a, int b, int c, int[] swaps) {
            if (less(b, a)) {
                swaps[0]++;
                int t = a;
                a = b;
                b = t;
            }
            if (less(c, b)) {
                swaps[0]++;
                int t = b;
                b = c;
                c = t;
            }
            if (less(b, a)) {
                swaps[0]++;
                int t = a;
                a = b;
                b = t;
            }
            return b;
        }

        private void reverseRange(int a, int b) {
            int i = a;
            int j = b - 1;
            while (i < j) {
                swap(i, j);
                i++;
                j--;
            }
        }
    }
}
