// The runner or the network failed, not the code: registry 5xx and time-outs, DNS, resets, rate limits,
// full disks, OOM kills. Tried early, so a Maven or npm resolution error caused by a 503 counts here.
import { rule } from "./rule";

export const infrastructureRules = [
  rule({
    id: "infra.no-space",
    keywords: ["no space left", "enospc", "not enough space"],
    pattern: /No space left on device|\bENOSPC\b|There is not enough space on the disk/,
    type: "INFRASTRUCTURE",
    weight: 9,
    examples: [
      "error: unable to create file src/test/Foo.java: No space left on device",
      "npm ERR! nospc ENOSPC: no space left on device, write",
    ],
  }),
  rule({
    id: "infra.out-of-memory",
    keywords: ["^killed", "out of memory", "oom-kill", "oomkilled", "heap out of memory", "outofmemoryerror", "cannot allocate memory", "^memoryerror", "signal: killed", "heap space is exhausted", "daemon has disappeared", "daemon disappeared"],
    pattern:
      /^Killed$|Out of memory: Killed process|\boom-kill|OOMKilled|JavaScript heap out of memory|java\.lang\.OutOfMemoryError|Cannot allocate memory|^MemoryError$|fatal error: runtime: out of memory|signal: killed$|Expiring Daemon because JVM heap space is exhausted|The build daemon has disappeared unexpectedly|Gradle build daemon disappeared unexpectedly/,
    type: "INFRASTRUCTURE",
    weight: 7,
    examples: [
      "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory",
      "Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space",
      "Killed",
      "Gradle build daemon disappeared unexpectedly (it may have been killed or may have crashed)",
    ],
  }),
  rule({
    id: "infra.network",
    keywords: ["could not transfer", "status code", "returned error: 5", "http/", "http status 5", "http error 5", "502 bad gateway", "503 service", "504 gateway", "could not resolve host", "temporary failure in name resolution", "getaddrinfo", "eai_again", "connection reset", "connection timed out", "tls handshake timeout", "i/o timeout", "dial tcp", "rpc failed", "early eof", "unexpected disconnect", "rate limit", "ssl_error_syscall", "hung up unexpectedly", "failed to connect to", "network is unreachable", "spurious network error", "esockettimedout", "econnreset", "etimedout", "socket hang up", "read timed out", "connect to ", "toomanyrequests", "trouble with your network"],
    pattern:
      /Could not transfer (artifact|metadata) .*(status code: 5\d\d|Connection reset|Connection refused|Connect timed out|Read timed out|Transfer failed|timed out|Remote host terminated|handshake|Network is unreachable|Connection closed)|Received status code 5\d\d from server|(status code:? |returned error: |HTTP\/[\d.]+ |HTTP status |HTTP error )5\d\d\b|\b(502 Bad Gateway|503 Service (Unavailable|Temporarily Unavailable)|504 Gateway Time-?out)\b|Could not resolve host|Temporary failure in name resolution|getaddrinfo (ENOTFOUND|EAI_AGAIN)|\bEAI_AGAIN\b|Connection reset by peer|Connection timed out|TLS handshake timeout|i\/o timeout|dial tcp [^ ]+: (connect: )?(connection refused|no such host)|RPC failed; (curl|HTTP)|early EOF|unexpected disconnect while reading sideband packet|(API |secondary )?rate limit exceeded|SSL_ERROR_SYSCALL|The remote end hung up unexpectedly|Failed to connect to \S+ port \d+|Network is unreachable|spurious network error|ESOCKETTIMEDOUT|\bECONNRESET\b|\bETIMEDOUT\b|socket hang up|Read timed out|Connect to \S+ failed: |toomanyrequests|You have reached your pull rate limit|There appears to be trouble with your network connection/,
    type: "INFRASTRUCTURE",
    weight: 8,
    examples: [
      "[ERROR] Failed to execute goal on project app: Could not resolve dependencies for project com.acme:app:jar:1.0: Could not transfer artifact org.slf4j:slf4j-api:jar:2.0.9 from/to central (https://repo.maven.apache.org/maven2): status code: 503, reason phrase: Service Unavailable (503)",
      "   > Could not GET 'https://repo.maven.apache.org/maven2/com/google/guava/guava/32.1.2-jre/guava-32.1.2-jre.pom'. Received status code 502 from server: Bad Gateway",
      "fatal: unable to access 'https://github.com/acme/app.git/': Could not resolve host: github.com",
      "npm ERR! network request to https://registry.npmjs.org/react failed, reason: getaddrinfo EAI_AGAIN registry.npmjs.org",
      "go: github.com/stretchr/testify@v1.8.4: Get \"https://proxy.golang.org/github.com/stretchr/testify/@v/v1.8.4.mod\": dial tcp 142.250.0.1:443: i/o timeout",
      "warning: spurious network error (2 tries remaining): [28] Timeout was reached (failed to download from `https://static.crates.io/crates/serde/1.0.188/download`)",
      "ERROR: failed to solve: node:20-alpine: failed to resolve source metadata for docker.io/library/node:20-alpine: unexpected status from HEAD request to https://registry-1.docker.io/v2/library/node/manifests/20-alpine: 503 Service Unavailable",
      "toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit",
      "info There appears to be trouble with your network connection. Retrying...",
    ],
  }),
];
