//! The Kubernetes, OpenTelemetry, CNCF TAG and Cloud Foundry data compiled into townhall are
//! `townhall import` of the real registries in tests/fixtures/upstream, byte for byte; and what `import`
//! writes reads back as the very groups it was converted to.

use std::path::Path;

use assert_cmd::Command;
use townhall::formats::{Format, Origin};
use townhall::registry::load::{Input, convert_file, convert_input, file_input};
use townhall::registry::validate::check;

/// One bundled conversion: where the upstream file is, and what `import` records about it
/// (commits and blobs as in tests/fixtures/upstream/README.md).
struct Bundle {
    format: &'static str,
    fixture: &'static str,
    data: &'static str,
    repo: &'static str,
    path: &'static str,
    commit: &'static str,
    license: &'static str,
}

const BUNDLES: [Bundle; 4] = [
    Bundle {
        format: "kubernetes",
        fixture: "kubernetes-sigs.yaml",
        data: "data/kubernetes.yaml",
        repo: "kubernetes/community",
        path: "sigs.yaml",
        commit: "24e7d8f5409c1a0121394a613746e524f781e044",
        license: "Apache-2.0",
    },
    Bundle {
        format: "opentelemetry",
        fixture: "opentelemetry-workstreams.yml",
        data: "data/opentelemetry.yaml",
        repo: "open-telemetry/community",
        path: "workstreams.yml",
        commit: "9f58973ea0612d28b29704a2042b25c2d9683046",
        license: "Apache-2.0",
    },
    Bundle {
        format: "cncf-tags",
        fixture: "cncf-toc-tags.yaml",
        data: "data/cncf-tags.yaml",
        repo: "cncf/toc",
        path: "tags.yaml",
        commit: "4acc1dcf3e5cab23fb02eba784baff82449e87f5",
        license: "CC-BY-4.0",
    },
    Bundle {
        format: "cloudfoundry",
        fixture: "cloudfoundry-community/toc/working-groups/WORKING-GROUPS.md",
        data: "data/cloudfoundry.yaml",
        repo: "cloudfoundry/community",
        path: "toc/working-groups/WORKING-GROUPS.md",
        commit: "c6dc72c30273312b14865cc4d7723a33eab5efe7",
        license: "Apache-2.0",
    },
];

impl Bundle {
    fn fixture(&self) -> String {
        format!(
            "{}/tests/fixtures/upstream/{}",
            env!("CARGO_MANIFEST_DIR"),
            self.fixture
        )
    }

    fn args(&self) -> Vec<String> {
        let mut args = vec![
            "import".to_string(),
            self.format.to_string(),
            self.fixture(),
        ];
        for (flag, value) in [
            ("--repo", self.repo),
            ("--source-path", self.path),
            ("--commit", self.commit),
            ("--license", self.license),
        ] {
            args.extend([flag.to_string(), value.to_string()]);
        }
        args
    }

    /// The fixture as loading reads it (a Cloud Foundry directory with the pages it links).
    fn input(&self) -> Input {
        file_input(Path::new(&self.fixture())).expect(self.fixture)
    }

    fn origin(&self) -> Origin {
        Origin {
            repo: Some(self.repo.into()),
            path: Some(self.path.into()),
            commit: Some(self.commit.into()),
            license: Some(self.license.into()),
        }
    }
}

#[test]
fn the_bundled_data_is_the_import_of_each_fixture() {
    for b in &BUNDLES {
        let output = Command::cargo_bin("townhall")
            .unwrap()
            .args(b.args())
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let imported = String::from_utf8(output.stdout).unwrap();
        let bundled = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(b.data))
            .unwrap_or_default();
        let shown: Vec<String> = b
            .args()
            .into_iter()
            .map(|a| a.replace(env!("CARGO_MANIFEST_DIR"), "."))
            .collect();
        assert!(
            imported == bundled,
            "{} is not the import of {}; regenerate it with\n  cargo run -- {} -o {}",
            b.data,
            b.fixture,
            shown.join(" "),
            b.data
        );
    }
}

#[test]
fn what_import_writes_reads_back_as_the_same_groups() {
    for b in &BUNDLES {
        let format: Format = b.format.parse().unwrap();
        let converted = convert_input(&b.input(), format, &b.origin());
        assert!(
            converted.problems.iter().all(|p| !p.is_error()),
            "{:#?}",
            converted.problems
        );
        let converted = converted.file.unwrap();
        let yaml = serde_yaml::to_string(&converted).unwrap();
        let read_back = check("imported.yaml", &yaml);
        let errors: Vec<String> = read_back
            .problems
            .iter()
            .filter(|p| p.is_error())
            .map(ToString::to_string)
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", b.fixture);
        assert_eq!(read_back.file.as_ref(), Some(&converted), "{}", b.fixture);
    }
}

#[test]
fn every_bundled_file_records_its_upstream_source() {
    for b in &BUNDLES {
        let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(b.data))
            .unwrap_or_default();
        let file = check(b.data, &text).file.expect(b.data);
        let source = &file.community.sources[0];
        assert_eq!(source.repo.as_deref(), Some(b.repo));
        assert_eq!(source.path.as_deref(), Some(b.path));
        assert_eq!(source.commit.as_deref(), Some(b.commit));
        assert_eq!(source.license.as_deref(), Some(b.license));
    }
}

/// Any format over any prefix of any real file: whatever the input, reading it reports
/// problems and never panics (every string in these files is untrusted).
#[test]
fn no_format_panics_on_a_cut_or_mismatched_real_file() {
    let formats = [
        Format::Kubernetes,
        Format::OpenTelemetry,
        Format::CncfTags,
        Format::CloudFoundry,
    ];
    for b in &BUNDLES {
        let whole = b.input();
        let text = whole.text.clone();
        let cuts = (0..text.len())
            .step_by(3_001)
            .filter(|&i| text.is_char_boundary(i));
        for cut in cuts {
            for format in formats {
                let mut input = Input::new(b.fixture, &text[..cut]);
                // A cut directory still comes with its pages, each cut the same way.
                input.linked = whole.linked.clone();
                for page in &mut input.linked {
                    let at = (0..=cut.min(page.text.len()))
                        .rev()
                        .find(|&i| page.text.is_char_boundary(i))
                        .unwrap_or(0);
                    page.text.truncate(at);
                }
                let checked = match format {
                    Format::CloudFoundry => convert_input(&input, format, &Origin::default()),
                    _ => convert_file(b.fixture, &input.text, format, &Origin::default()),
                };
                if let Some(file) = checked.file {
                    assert!(
                        file.groups.iter().all(|g| !g.id.is_empty()),
                        "{}",
                        b.fixture
                    );
                }
            }
        }
    }
}
