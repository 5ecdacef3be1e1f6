import { describe, expect, it } from "vitest";
import { InvalidManifest } from "./dependency";
import { findKnownVulnerabilities } from "./known-vulnerabilities";
import { compareMavenVersions } from "./maven-version";
import { parseManifest } from "./parse-manifest";

const pom = (log4j: string, spring = "5.3.20") => `<?xml version="1.0"?>
<project>
  <properties><log4j.version>${log4j}</log4j.version></properties>
  <dependencies>
    <dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-core</artifactId><version>\${log4j.version}</version></dependency>
    <dependency><groupId>org.springframework</groupId><artifactId>spring-webmvc</artifactId><version>${spring}</version></dependency>
  </dependencies>
</project>`;

const cves = (file: string, text: string) => findKnownVulnerabilities(parseManifest(file, text)).map((f) => f.cveId);

describe("vulnerable dependencies (built-in rules)", () => {
  it("orders Maven versions with qualifiers", () => {
    expect(compareMavenVersions("2.0-beta9", "2.0")).toBeLessThan(0);
    expect(compareMavenVersions("2.0-beta8", "2.0-beta9")).toBeLessThan(0);
    expect(compareMavenVersions("2.12.2", "2.12.10")).toBeLessThan(0);
    expect(compareMavenVersions("5.2.19.RELEASE", "5.2.20")).toBeLessThan(0);
    expect(compareMavenVersions("2.15", "2.15.0")).toBe(0);
  });

  it("finds Log4Shell on the advisories' exact ranges", () => {
    expect(cves("pom.xml", pom("2.14.1"))).toEqual(["CVE-2021-44228", "CVE-2021-45046"]);
    expect(cves("pom.xml", pom("2.0-beta9"))).toEqual(["CVE-2021-44228", "CVE-2021-45046"]);
    expect(cves("pom.xml", pom("2.15.0"))).toEqual(["CVE-2021-45046"]);
    expect(cves("pom.xml", pom("2.12.2"))).toEqual([]);
    expect(cves("pom.xml", pom("2.3.1"))).toEqual([]);
    expect(cves("pom.xml", pom("2.16.0"))).toEqual([]);
    expect(cves("pom.xml", pom("2.0-beta8"))).toEqual([]);
  });

  it("finds Spring4Shell in 5.3.0–5.3.17 and before 5.2.20, from Maven and Gradle", () => {
    expect(cves("pom.xml", pom("2.17.1", "5.3.17"))).toEqual(["CVE-2022-22965"]);
    expect(cves("pom.xml", pom("2.17.1", "5.2.19.RELEASE"))).toEqual(["CVE-2022-22965"]);
    expect(cves("pom.xml", pom("2.17.1", "5.3.18"))).toEqual([]);
    expect(cves("pom.xml", pom("2.17.1", "5.2.20.RELEASE"))).toEqual([]);
    const gradle = `dependencies {\n  implementation 'org.springframework:spring-beans:5.3.10'\n  implementation "org.apache.logging.log4j:log4j-core:\${log4jVersion}"\n}\next.log4jVersion = '2.17.0'\n`;
    const found = findKnownVulnerabilities(parseManifest("app/build.gradle", gradle));
    expect(found.map((f) => [f.cveId, f.line, f.severity, f.vulnerabilityType])).toEqual([["CVE-2022-22965", 2, "CRITICAL", "SPRING4SHELL"]]);
  });

  it("reads pinned versions from npm, Python and Go manifests", () => {
    const lock = JSON.stringify({ lockfileVersion: 3, packages: { "": { name: "x" }, "node_modules/lodash": { version: "4.17.20" }, "node_modules/a/node_modules/minimist": { version: "1.2.0" } } });
    expect(parseManifest("package-lock.json", lock).map((d) => `${d.name}@${d.version}`)).toEqual(["lodash@4.17.20", "minimist@1.2.0"]);
    expect(parseManifest("package.json", `{"dependencies":{"a":"1.2.3","b":"^2.0.0","c":"file:vendor/c"}}`).map((d) => d.name)).toEqual(["a"]);
    expect(parseManifest("requirements.txt", "Django==3.2.0  # web\nrequests>=2\nflask[async]==2.0.1\n").map((d) => [d.name, d.version, d.line])).toEqual([["django", "3.2.0", 1], ["flask", "2.0.1", 3]]);
    expect(parseManifest("poetry.lock", `[[package]]\nname = "Jinja2"\nversion = "2.10"\n`).map((d) => `${d.ecosystem}:${d.name}@${d.version}`)).toEqual(["PyPI:jinja2@2.10"]);
    expect(parseManifest("go.mod", "module x\n\ngo 1.21\n\nrequire (\n\tgolang.org/x/text v0.3.0 // indirect\n)\nrequire github.com/a/b v1.0.0\n").map((d) => `${d.name}@${d.version}`)).toEqual(["golang.org/x/text@v0.3.0", "github.com/a/b@v1.0.0"]);
  });

  it("rejects invalid manifests with a reason", () => {
    expect(() => parseManifest("pom.xml", "<project><dependencies>")).toThrow(InvalidManifest);
    expect(() => parseManifest("package.json", "{not json")).toThrow(/invalid JSON/);
    expect(() => parseManifest("poetry.lock", "[[package]\nname=")).toThrow(/invalid TOML/);
  });
});
