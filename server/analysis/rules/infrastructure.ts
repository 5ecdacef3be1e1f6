// The runner or the network failed, not the code: the checkout that could not fetch the repository,
// registry 5xx, time-outs and rate limits, DNS, resets, full disks, OOM kills. Tried early, so a Maven or
// npm resolution error caused by a 503 counts here.
import { rule } from "./rule";

export const infrastructureRules = [
  rule({
    id: "infra.git-fetch",
    keywords: ["^fatal: ", "^remote: ", "^error: ", "repository not found", "^permission denied", "^host key verification", "^failed to clone", "/usr/bin/git' failed", "^the command \"", "permission denied (publickey)"],
    pattern:
      /^fatal: (unable to access '[^']+': |repository '[^']+' not found|Authentication failed for '|could not read (Username|Password) for '|reference is not a tree: |couldn't find remote ref |Could not read from remote repository|remote error: |unable to connect to |clone of '[^']+' into submodule path '[^']+' failed|unable to checkout working tree|index-pack failed)|^(remote: |ERROR: )Repository not found\.?$|^error: pathspec '[^']+' did not match any file\(s\) known to git|^(\S+@\S+: )?Permission denied \(publickey\)\.|^Host key verification failed\.|^Failed to clone '[^']+'|The process '[^']*\/git(\.exe)?' failed with exit code [1-9]|^The command "(eval )?git (clone|checkout|fetch|submodule)[^"]*" failed/,
    type: "INFRASTRUCTURE",
    weight: 9,
    examples: [
      "fatal: unable to access 'https://github.com/acme/shop.git/': The requested URL returned error: 502",
      "remote: Repository not found.",
      "fatal: repository 'https://github.com/acme/shop.git/' not found",
      "fatal: could not read Username for 'https://github.com': terminal prompts disabled",
      "fatal: reference is not a tree: 4f2a9c0d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f",
      "fatal: couldn't find remote ref refs/pipelines/48213",
      "git@github.com: Permission denied (publickey).",
      "The process '/usr/bin/git' failed with exit code 128",
      'The command "eval git clone --depth=50 --branch=main https://github.com/acme/shop.git acme/shop " failed 3 times.',
      'The command "eval git checkout -qf 4f2a9c0d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f" failed 3 times.',
    ],
  }),
  rule({
    id: "infra.no-space",
    keywords: ["no space left", "enospc", "not enough space", "running out of disk space"],
    pattern: /no space left on device|\bENOSPC\b|There is not enough space on the disk|You are running out of disk space/i,
    type: "INFRASTRUCTURE",
    weight: 9,
    examples: [
      "error: unable to write file src/main/java/com/acme/Cart.java: No space left on device",
      "npm ERR! nospc ENOSPC: no space left on device, write",
      "ERROR: failed to solve: failed to copy files: copy file range failed: no space left on device",
      "You are running out of disk space. The runner will stop working when the machine runs out of disk space. Free space left: 41 MB",
    ],
  }),
  rule({
    id: "infra.out-of-memory",
    keywords: ["^killed", "out of memory", "oom-kill", "oomkilled", "heap out of memory", "outofmemoryerror", "cannot allocate memory", "^memoryerror", "signal: killed", "heap space is exhausted", "daemon has disappeared", "daemon disappeared", "sigkill", "error 137", "exit code 137", "exited with 137", "exit status 137"],
    pattern:
      /^Killed$|Out of memory: Killed process|\boom-kill|OOMKilled|JavaScript heap out of memory|java\.lang\.OutOfMemoryError|Cannot allocate memory|^MemoryError$|fatal error: runtime: out of memory|signal: killed$|Expiring Daemon because JVM heap space is exhausted|The build daemon has disappeared unexpectedly|Gradle build daemon disappeared unexpectedly|\bsignal SIGKILL\b|with signal "SIGKILL"|\*\*\* \[[^\]]*\] Error 137$|^ERROR: Job failed: exit code 137$|^The command "[^"]*" exited with 137\.|exit status 137$/,
    type: "INFRASTRUCTURE",
    weight: 7,
    examples: [
      "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory",
      'Exception in thread "main" java.lang.OutOfMemoryError: Java heap space',
      "Killed",
      "Gradle build daemon disappeared unexpectedly (it may have been killed or may have crashed)",
      "npm ERR! signal SIGKILL",
      'error Command failed with signal "SIGKILL".',
      "make: *** [Makefile:12: test] Error 137",
      "ERROR: Job failed: exit code 137",
      'The command "./gradlew check" exited with 137.',
    ],
  }),
  rule({
    id: "infra.network-retry",
    keywords: ["spurious network error", "retrying (retry(", "there appears to be trouble"],
    pattern: /spurious network error|Retrying \(Retry\(total=\d+.*\) after connection broken by|There appears to be trouble with (our server|your network connection)/,
    type: "INFRASTRUCTURE",
    // A retried request is only the cause when nothing else failed: the tool tried again.
    weight: 3,
    examples: [
      "warning: spurious network error (2 tries remaining): [28] Timeout was reached (failed to download from `https://static.crates.io/crates/tokio/1.35.0/download`)",
      "info There appears to be trouble with your network connection. Retrying...",
      "WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, status=None)) after connection broken by 'ReadTimeoutError(\"HTTPSConnectionPool(host='pypi.org', port=443): Read timed out. (read timeout=15)\")': /simple/requests/",
    ],
  }),
  rule({
    id: "infra.network",
    keywords: ["could not transfer", "status code", "returned error: ", "http/", "http status ", "http error ", "response code", "bad gateway", "service unavailable", "temporarily unavailable", "gateway time", "too many requests", "could not resolve host", "name resolution", "getaddrinfo", "eai_again", "connection reset", "connection timed out", "tls handshake timeout", "i/o timeout", "dial tcp", "rpc failed", "early eof", "unexpected disconnect", "rate limit", "ssl_error_syscall", "hung up unexpectedly", "failed to connect to", "network is unreachable", "esockettimedout", "econnreset", "etimedout", "socket hang up", "read timed out", "connect to ", "toomanyrequests", "name or service not known", "unknownhostexception", "max retries exceeded", "got 5", "failed to download from", "e429", "socketexception", "network failure seems"],
    pattern:
      /Could not transfer (artifact|metadata) .*(status code: (5\d\d|429)|Connection reset|Connection refused|Connect timed out|Read timed out|Transfer failed for \S+ (5\d\d|429)\b|timed out|Remote host terminated|handshake|Network is unreachable|Connection closed|Unknown host|Name or service not known|No route to host)|Received status code (5\d\d|429) from server|(status code:? |returned error: |HTTP\/[\d.]+ |HTTP status |HTTP error |Response Code: |response code: )(5\d\d|429)\b|\b(502 Bad Gateway|503 Service (Unavailable|Temporarily Unavailable)|504 Gateway Time-?out|429 Too Many Requests|429 Client Error)\b|Could not resolve host|Temporary failure in name resolution|Name or service not known|getaddrinfo (ENOTFOUND|EAI_AGAIN)|\bEAI_AGAIN\b|Connection reset by peer|java\.net\.SocketException: Connection reset|Connection timed out|TLS handshake timeout|i\/o timeout|dial tcp( [^ ]+)?: (lookup \S+( on \S+)?: )?(connect: )?(connection refused|no such host|server misbehaving)|RPC failed; (curl|HTTP)|early EOF|unexpected disconnect while reading sideband packet|(API |secondary )?rate limit exceeded|SSL_ERROR_SYSCALL|The remote end hung up unexpectedly|Failed to connect to \S+ port \d+|Network is unreachable|ESOCKETTIMEDOUT|\bECONNRESET\b|\bETIMEDOUT\b|socket hang up|Read timed out|Connect to \S+( \[[^\]]*\])? failed: |toomanyrequests|You have reached your pull rate limit|java\.net\.UnknownHostException|Max retries exceeded with url|got (5\d\d|429)$|failed to download from `[^`]+`|code E429\b|Server returned HTTP response code: (5\d\d|429)|network failure seems to have happened/,
    type: "INFRASTRUCTURE",
    weight: 8,
    examples: [
      "[ERROR] Failed to execute goal on project shop: Could not resolve dependencies for project com.acme:shop:jar:1.4.0: Could not transfer artifact org.slf4j:slf4j-api:jar:2.0.9 from/to central (https://repo.maven.apache.org/maven2): status code: 503, reason phrase: Service Unavailable (503)",
      "   > Could not GET 'https://repo.maven.apache.org/maven2/com/google/guava/guava/32.1.2-jre/guava-32.1.2-jre.pom'. Received status code 502 from server: Bad Gateway",
      "npm ERR! network request to https://registry.npmjs.org/react failed, reason: getaddrinfo EAI_AGAIN registry.npmjs.org",
      'go: github.com/stretchr/testify@v1.8.4: Get "https://proxy.golang.org/github.com/stretchr/testify/@v/v1.8.4.mod": dial tcp: lookup proxy.golang.org on 127.0.0.53:53: server misbehaving',
      "ERROR: failed to solve: node:20-alpine: failed to resolve source metadata for docker.io/library/node:20-alpine: unexpected status from HEAD request to https://registry-1.docker.io/v2/library/node/manifests/20-alpine: 503 Service Unavailable",
      "toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit",
      "ERROR: Could not install packages due to an OSError: HTTPSConnectionPool(host='files.pythonhosted.org', port=443): Max retries exceeded with url: /packages/requests-2.31.0.tar.gz (Caused by NewConnectionError('<urllib3.connection.HTTPSConnection object>: Failed to establish a new connection: [Errno 101] Network is unreachable'))",
      "error: failed to download from `https://static.crates.io/crates/serde/1.0.188/download`",
      "npm error code E429",
      "curl: (22) The requested URL returned error: 503",
      'Exception in thread "main" java.net.UnknownHostException: services.gradle.org',
      "java.io.IOException: Server returned HTTP response code: 503 for URL: https://services.gradle.org/distributions/gradle-8.5-bin.zip",
      "gh: API rate limit exceeded for installation ID 41234567. (HTTP 403)",
    ],
  }),
];
