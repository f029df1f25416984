//! Small summaries of a folded text that let a keystroke skip it without reading it: which chars
//! it has, and (roughly) which pairs of adjacent chars. Both can say "maybe" wrongly, never "no".

/// Which chars occur: letters and digits get a bit each, other chars share the rest.
pub(crate) fn char_mask(folded: &str) -> u64 {
    folded.chars().fold(0, |mask, c| mask | char_mask_of(c))
}

/// The mask bit of one (folded) char.
pub(crate) fn char_mask_of(c: char) -> u64 {
    let bit = match c {
        'a'..='z' => c as u32 - 'a' as u32,
        '0'..='9' => 26 + (c as u32 - '0' as u32),
        c if c.is_ascii() => 36 + (c as u32 % 26),
        c => 62 + (c as u32 & 1),
    };
    1 << bit
}

/// The hashes of each pair of adjacent chars, for a term (see `pair_bloom`).
pub(crate) fn pair_hashes(folded: &str) -> Box<[u32]> {
    folded
        .chars()
        .zip(folded.chars().skip(1))
        .map(|(a, b)| pair_hash(a, b))
        .collect()
}

fn pair_hash(a: char, b: char) -> u32 {
    let h = (a as u32).wrapping_mul(0x9E37_79B1) ^ (b as u32);
    let h = h.wrapping_mul(0x85EB_CA77);
    h ^ (h >> 15)
}

/// Texts of this many chars or more get a filter of more than one word.
pub(crate) const LONG_PAIRS_FROM: u32 = 32;

/// A Bloom filter of adjacent char pairs, sized to the text (about four bits per char, 64 to
/// 1024 bits). A term can only occur as a contiguous run if all its pairs are in it, so most
/// fields without the run are skipped without a scan.
pub(crate) fn pair_bloom(folded: &str, chars: usize) -> Vec<u64> {
    let words = (chars / (LONG_PAIRS_FROM as usize / 2))
        .next_power_of_two()
        .clamp(1, 16);
    let mut bits = vec![0u64; words];
    for (a, b) in folded.chars().zip(folded.chars().skip(1)) {
        let bit = pair_hash(a, b) as usize & (words * 64 - 1);
        bits[bit / 64] |= 1 << (bit % 64);
    }
    bits
}

/// Whether every pair hash may be in the filter.
pub(crate) fn may_contain(bloom: &[u64], hashes: &[u32]) -> bool {
    let mask = bloom.len() * 64 - 1;
    hashes.iter().all(|&h| {
        let bit = h as usize & mask;
        bloom[bit / 64] & (1 << (bit % 64)) != 0
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mask_rejects_missing_letters_only() {
        let mask = char_mask("foundational infrastructure");
        assert_eq!(char_mask("uaa") & !mask, 0);
        assert_ne!(char_mask("x") & !mask, 0);
        assert_ne!(char_mask("é") & !char_mask("e"), 0);
    }

    #[test]
    fn bloom_never_rejects_a_run_that_is_there() {
        let text =
            "provides infrastructure automation and core capabilities shared across cf projects";
        let bloom = pair_bloom(text, text.chars().count());
        for start in 0..text.len() - 1 {
            for end in start + 2..=text.len().min(start + 12) {
                assert!(
                    may_contain(&bloom, &pair_hashes(&text[start..end])),
                    "{}",
                    &text[start..end]
                );
            }
        }
        let short = pair_bloom("cloudevents", 11);
        assert!(!may_contain(&short, &pair_hashes("uaa")));
        assert!(!may_contain(&short, &pair_hashes("stneve")));
    }
}
