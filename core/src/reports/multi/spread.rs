//! Exact proportional splitting: an iteration's workload over the buckets it crosses.

/// Splits `total` over `weights` in proportion, exactly (largest remainders get the rest);
/// evenly when every weight is zero.
#[cfg(test)]
pub(crate) fn spread(total: i64, weights: &[i64]) -> Vec<i64> {
    let mut out = Vec::new();
    spread_into(total, weights, &mut out);
    out
}

/// [`spread`] into a reused buffer, without allocating: it runs once per member and
/// iteration, a million times in an instance-wide report.
pub(crate) fn spread_into(total: i64, weights: &[i64], parts: &mut Vec<i64>) {
    parts.clear();
    if weights.is_empty() {
        return;
    }
    if let &[w0, w1] = weights {
        if let Some(first) = spread_two(total, w0, w1) {
            parts.extend([first, total - first]);
            return;
        }
    }
    let n = weights.len();
    // In 64 bits when the weights are non-negative and total × sum fits (then so does
    // every total × weight): the same quotients and remainders as in 128 bits, faster.
    if let Some(sum) = weights.iter().try_fold(0i64, |a, w| if *w >= 0 { a.checked_add(*w) } else { None }) {
        if sum == 0 {
            if total.checked_mul(n as i64).is_some() {
                return spread_in(total, n, |_| 1i64, n as i64, parts);
            }
        } else if total.checked_mul(sum).is_some() {
            return spread_in(total, n, |i| weights[i], sum, parts);
        }
    }
    let sum: i128 = weights.iter().map(|w| *w as i128).sum();
    if sum == 0 {
        spread_in(total, n, |_| 1i128, n as i128, parts)
    } else {
        spread_in(total, n, |i| weights[i] as i128, sum, parts)
    }
}

/// The first part of [`spread`] over two weights, with one division; `None` when the
/// shortcut does not apply (a negative number, zero weights, or a product beyond 64 bits).
/// Two parts are the common case: an iteration across a bucket's end.
#[inline]
pub(crate) fn spread_two(total: i64, w0: i64, w1: i64) -> Option<i64> {
    let sum = w0.checked_add(w1).filter(|s| *s > 0)?;
    if total < 0 || w0 < 0 || w1 < 0 || total.checked_mul(w0.max(w1)).is_none() {
        return None;
    }
    // total × w1 = (total − p0) × sum − r0, so when r0 > 0 the second part is
    // total − p0 − 1 with remainder sum − r0, and the unit left goes to the larger
    // remainder (the first on a tie).
    let (p0, r0) = (total * w0 / sum, total * w0 % sum);
    Some(if r0 > 0 && r0 >= sum - r0 { p0 + 1 } else { p0 })
}

/// Spreads `total` over `n` parts of weights `weight(i)` summing to `sum` (non-zero), in
/// the integer type `T`, wide enough for every `total × weight(i)`.
pub(crate) fn spread_in<T>(total: i64, n: usize, weight: impl Fn(usize) -> T, sum: T, parts: &mut Vec<i64>)
where
    T: Copy + PartialOrd + From<i64> + TryInto<i64> + std::ops::Mul<Output = T> + std::ops::Div<Output = T> + std::ops::Rem<Output = T>,
{
    let share = |i: usize| {
        let product = T::from(total) * weight(i);
        (product / sum, product % sum)
    };
    let mut given = 0;
    for i in 0..n {
        let p: i64 = share(i).0.try_into().ok().expect("a share is at most the total");
        parts.push(p);
        given += p;
    }
    // What rounding down left (fewer units than parts) goes to the largest remainders,
    // earliest first on ties: picked one by one in that order.
    let mut rest = total - given;
    let mut previous: Option<(T, usize)> = None;
    while rest > 0 {
        let mut best: Option<(T, usize)> = None;
        for i in 0..n {
            let r = share(i).1;
            let after_previous = previous.is_none_or(|(pr, pi)| r < pr || (r == pr && i > pi));
            let better = best.is_none_or(|(br, bi)| r > br || (r == br && i < bi));
            if after_previous && better {
                best = Some((r, i));
            }
        }
        let (r, i) = best.expect("fewer units are left than there are parts");
        parts[i] += 1;
        rest -= 1;
        previous = Some((r, i));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The two-part shortcut gives what the general rule gives.
    #[test]
    fn spreading_over_two_parts_matches_the_general_rule() {
        for total in [0, 1, 2, 3, 7, 10, 99, 480, 12_345] {
            for weights in [[1, 1], [0, 5], [5, 0], [1, 2], [2, 1], [360, 180], [3, 7], [480, 1], [1, 480], [7, 7], [0, 0]] {
                let mut general = Vec::new();
                let sum: i64 = weights.iter().sum();
                if sum == 0 {
                    spread_in(total, 2, |_| 1i64, 2, &mut general);
                } else {
                    spread_in(total, 2, |i| weights[i], sum, &mut general);
                }
                assert_eq!(spread(total, &weights), general, "{total} over {weights:?}");
            }
        }
    }

    #[test]
    fn spread_is_exact_and_proportional() {
        assert_eq!(spread(10, &[1, 1, 1]), vec![4, 3, 3]);
        assert_eq!(spread(10, &[0, 0]), vec![5, 5]);
        assert_eq!(spread(7, &[360, 0, 180]), vec![5, 0, 2]);
        assert_eq!(spread(0, &[1, 2]), vec![0, 0]);
    }
}
