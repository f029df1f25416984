//! Made-up groups in bulk, for checking that threads give the same answers as scoring one
//! group at a time. Its small vocabulary (78 common words) makes almost every long text hold
//! almost any letters in order: the hard case for a fuzzy search, which `examples/synth.rs`
//! (varied, realistic text for the benchmarks) doesn't reproduce.

use crate::model::{Chat, Group, Lead, Project};

const WORDS: &str = "cloud native service platform runtime network storage security \
    observability delivery application infrastructure identity management working group \
    community project release operator kubernetes events serverless broker catalog policy \
    compliance telemetry tracing metrics logging routing ingress buildpacks container registry \
    artifact supply chain data database cluster federation scheduling autoscaling edge device \
    batch workflow pipeline testing documentation contributor experience maintainers governance \
    charter roadmap standards interfaces provides develops maintains coordinates across \
    including with for and the of to in users vendors operators developers tools";

/// A deterministic word stream (xorshift).
struct Words {
    state: u64,
    words: Vec<String>,
}

impl Words {
    fn new() -> Words {
        let words: Vec<String> = WORDS.split_whitespace().map(String::from).collect();
        Words {
            state: 0x9E37_79B9_7F4A_7C15,
            words,
        }
    }

    fn step(&mut self) -> u64 {
        self.state ^= self.state << 13;
        self.state ^= self.state >> 7;
        self.state ^= self.state << 17;
        self.state
    }

    fn next(&mut self) -> &str {
        let at = (self.step() % self.words.len() as u64) as usize;
        &self.words[at]
    }

    fn text(&mut self, words: usize, separator: &str) -> String {
        (0..words)
            .map(|_| self.next().to_string())
            .collect::<Vec<_>>()
            .join(separator)
    }

    fn title(&mut self, words: usize) -> String {
        (0..words)
            .map(|_| capitalize(self.next()))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// `count` groups of 24 searchable strings each: a three-word name, an id, a mission of about
/// 350 chars, three goals, three projects (name, description, two repos), two leads with
/// GitHub handles and two chat channels.
pub(crate) fn synthetic(count: usize) -> Vec<Group> {
    let mut words = Words::new();
    (0..count).map(|i| group(&mut words, i)).collect()
}

fn group(words: &mut Words, i: usize) -> Group {
    Group {
        id: format!("{}-{i}", words.text(2, "-")),
        name: words.title(3),
        mission: Some(words.text(45, " ")),
        goals: (0..3).map(|_| words.text(14, " ")).collect(),
        leads: (0..2)
            .map(|_| Lead {
                name: words.title(2),
                github: Some(words.text(2, "")),
                ..Lead::default()
            })
            .collect(),
        chat: (0..2)
            .map(|_| Chat {
                channel: format!("#{}", words.text(2, "-")),
                ..Chat::default()
            })
            .collect(),
        projects: (0..3)
            .map(|_| Project {
                name: words.title(2),
                description: Some(words.text(8, " ")),
                repos: (0..2)
                    .map(|_| {
                        let owner = words.next().to_string();
                        format!("{owner}/{}", words.text(2, "-"))
                    })
                    .collect(),
                ..Project::default()
            })
            .collect(),
        ..Group::default()
    }
}

mod tests {
    use super::*;
    use crate::search::hit::Typos;
    use crate::search::index::{PARALLEL_FROM, SearchIndex};
    use crate::search::tier::cut;
    use crate::search::{Field, Hit, Query};

    #[test]
    fn threads_agree_with_one_group_at_a_time() {
        // Enough groups that `search` splits them over threads (on a machine with several cores).
        let groups = synthetic(PARALLEL_FROM + 500);
        let index = SearchIndex::new(&groups);
        for input in [
            "c",
            "clo",
            "cloud ev",
            "'tracing | ^kube",
            "!cloud del$",
            "Cloud",
        ] {
            let query = Query::parse(input);
            let hits = index.search(&query);
            // The same hits as scoring each group on its own, in the same order.
            let mut best_fields = Vec::new();
            let mut one_by_one: Vec<_> = (0..groups.len())
                .filter_map(|g| index.hit(g, &query, Typos::Skip, &mut best_fields))
                .collect();
            cut(&mut one_by_one, |(hit, tier)| (*tier, hit.score));
            let one_by_one: Vec<Hit> = one_by_one.into_iter().map(|(hit, _)| hit).collect();
            assert_eq!(hits.len(), one_by_one.len(), "{input}");
            assert!(one_by_one.iter().all(|hit| hits.contains(hit)), "{input}");
            // And restricting to a subset keeps their relative order.
            let every_third: Vec<usize> = (0..groups.len()).step_by(3).collect();
            let expected: Vec<Hit> = hits
                .iter()
                .filter(|hit| hit.group % 3 == 0)
                .cloned()
                .collect();
            assert_eq!(
                index.search_within(&query, &every_third),
                expected,
                "{input}"
            );
        }
    }

    #[test]
    fn an_index_prepared_in_parts_is_the_index_prepared_whole() {
        let mut groups = synthetic(1_001);
        // Non-ASCII text lands in the side buffer for the matcher: in the second part here.
        groups[600].name = "Übersicht Zürich Søren".into();
        let whole = SearchIndex::in_parts(&groups, &[], 1);
        let parts = SearchIndex::in_parts(&groups, &[], 3);
        assert_eq!((whole.parts.len(), parts.parts.len()), (1, 3));
        /// A string's field, texts (original, folded, matcher's), char mask, word starts, pairs.
        type Prepared<'a> = (Field, (&'a str, &'a str, &'a str), u64, u64, Vec<u64>);
        /// Each group's strings, char mask and name, whichever part holds them.
        fn prepared_groups(index: &SearchIndex) -> Vec<(Vec<Prepared<'_>>, u64, &str)> {
            index
                .groups
                .iter()
                .map(|entry| {
                    let strings = index
                        .fields(entry)
                        .iter()
                        .map(|f| {
                            let texts = (f.original(), f.folded(), f.skim_text());
                            (
                                f.field(),
                                texts,
                                f.mask(),
                                f.word_starts(),
                                f.pairs().to_vec(),
                            )
                        })
                        .collect();
                    (strings, entry.mask, entry.name.as_str())
                })
                .collect()
        }
        let prepared = prepared_groups(&whole);
        assert_eq!(prepared_groups(&parts), prepared);
        // Non-ASCII and long strings (which keep text in the side buffers) were among them.
        let strings = || prepared.iter().flat_map(|(strings, _, _)| strings);
        assert!(strings().any(|(_, (original, _, _), ..)| !original.is_ascii()));
        assert!(strings().any(|(.., pairs)| pairs.len() > 1));
        for input in ["clo", "Cloud", "sigclo"] {
            let query = Query::parse(input);
            assert_eq!(parts.search(&query), whole.search(&query), "{input}");
        }
    }
}
