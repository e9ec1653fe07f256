package reportingest.route;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reportingest.detect.IngestFailure;
import reportingest.store.DocumentStore;
import reportingest.store.Json;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs when a file could not be processed: records the document as FAILED, says why in the log (with the
 * technical cause, for the maintainers) and keeps the explanation for the error file. {@link PlacementStrategy}
 * then writes {@code failed/<name>.error.json} and moves the file beside it, both or neither.
 * <p>
 * The error file is for archive clerks: what is wrong with the file and what to do, in Chinese and in
 * English; never a class name or a library's message (those go to the log only).
 */
public final class FailureReporter {
    /** Exchange property holding the {@link Explanation} of a failed file. */
    public static final String EXPLANATION = "ingestFailureExplanation";
    /** Exchange property saying why a file's run was stopped without being its fault (an {@link Outage}, a stop): it stays in the inbox. */
    public static final String DEFERRED = "ingestDeferredBy";
    /** Exchange property holding the failure's code, for the files-by-outcome counter of the route. */
    public static final String CODE = "ingestFailureCode";
    private static final Logger log = LoggerFactory.getLogger(FailureReporter.class);

    private final DocumentStore documents;
    private final IntakeGate gate;

    public FailureReporter(DocumentStore documents, IntakeGate gate) {
        this.documents = documents;
        this.gate = gate;
    }

    public void record(Exchange exchange) {
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String fileName = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        Long documentId = exchange.getIn().getHeader(Intake.DOCUMENT_ID, Long.class);

        // the service is stopping (SIGTERM past the grace period interrupts the run): the file waits for the next start
        if (stopping(exchange, error)) {
            exchange.setProperty(DEFERRED, "the service is stopping");
            log.info("'{}' was not finished before the service stopped; it stays in the inbox and is taken again at the next start",
                    fileName);
            return;
        }
        // the same content is in progress under another name: this file waits for that run's end
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SameContentInProgress busy) {
                exchange.setProperty(DEFERRED, busy.getMessage());
                return;
            }
        }
        // the disk or the database failed, not the file: it is not failed, it waits in the inbox
        var outage = Outage.of(error);
        if (outage.isPresent()) {
            exchange.setProperty(DEFERRED, outage.get());
            gate.defer(outage.get(), fileName);
            log.debug("Run of '{}' stopped by an outage", fileName, error);
            return;
        }

        Explanation why = explain(error);
        exchange.setProperty(EXPLANATION, why);
        exchange.setProperty(CODE, why.code());
        // the body is the job as the last stage that finished left it; before intake made one, the file
        IngestJob job = exchange.getIn().getBody() instanceof IngestJob j ? j : null;
        if (documentId != null) {
            try {
                documents.markFailed(documentId, why.reason());
            } catch (RuntimeException e) {
                log.error("Could not record the failure of '{}' in the database: {}", fileName, e.getMessage());
            }
        }
        StageEvent.warn(log, fileName, documentId, job == null ? "intake" : job.nextStage(), "failed",
                        job == null ? 0 : job.elapsedMs())
                .addKeyValue("code", why.code())
                .log("Failed '{}'{}: {} {}", fileName, documentId == null ? "" : " (document " + documentId + ")",
                        why.code(), why.reason());
        if ("INTERNAL_ERROR".equals(why.code())) {
            log.error("Fault of the service while processing '{}'", fileName, error);
        } else if (rootCause(error) != null) {
            log.info("Technical cause for '{}': {}", fileName, describe(rootCause(error)));
        }
    }

    /** Whether the run was cut by the service's stop (the context stopping, or the run interrupted). */
    static boolean stopping(Exchange exchange, Throwable error) {
        if (exchange.getContext().isStopping() || exchange.getContext().isStopped()) return true;
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException || t instanceof java.nio.channels.ClosedByInterruptException) return true;
        }
        return false;
    }

    /** The error file's content for a file stored as {@code target}; {@code originalName} is its name in the inbox. */
    public static Placement.ErrorFile errorFile(String originalName, Long documentId, Explanation why) {
        return target -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("file", originalName);
            if (!target.getFileName().toString().equals(originalName)) body.put("storedAs", target.getFileName().toString());
            body.put("documentId", documentId);
            body.put("code", why.code());
            body.put("reason", why.reason());
            body.put("action", why.action());
            body.put("reasonZh", why.reasonZh());
            body.put("actionZh", why.actionZh());
            body.put("failedAt", OffsetDateTime.now(ZoneOffset.UTC).toString());
            return Json.pretty(body);
        };
    }

    /** Why a file failed, in plain words, in English and in Chinese. */
    public record Explanation(String code, String reason, String action, String reasonZh, String actionZh) {
        public static Explanation of(String code, String reason, String action) {
            String[] zh = CHINESE.getOrDefault(code, CHINESE.get(""));
            return new Explanation(code, reason, action, zh[0], zh[1]);
        }
    }

    public static Explanation explain(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof IngestFailure f) return Explanation.of(f.code(), f.reason(), f.action());
        }
        return Explanation.of("INTERNAL_ERROR", "The service could not process the file because of a fault in the service.",
                "This is a fault of the service, not of the file. Keep the file in failed/, report it to the maintainers "
                        + "(the service log has the details), and move the file back into the inbox once it is fixed.");
    }

    private static Throwable rootCause(Throwable error) {
        Throwable cause = null;
        for (Throwable t = error; t != null; t = t.getCause()) if (!(t instanceof IngestFailure)) cause = t;
        return cause;
    }

    private static String describe(Throwable t) {
        return t.getClass().getName() + ": " + t.getMessage();
    }

    /** The Chinese sentences per code: reason, then what to do. */
    private static final Map<String, String[]> CHINESE = Map.ofEntries(
            Map.entry("EMPTY_FILE", new String[]{"文件是空的（0 字节）。",
                    "请检查生成该文件的扫描或导出，把完整的文件重新放入 inbox。"}),
            Map.entry("TOO_LARGE", new String[]{"文件超过了允许的大小上限。",
                    "请把文件拆分后再放入 inbox，或请管理员在 application.properties 中提高上限。"}),
            Map.entry("EXPANDS_TOO_LARGE", new String[]{"文件中的压缩数据解压后远远超过页面所需（文件已损坏，或是为耗尽内存而构造的），因此未被读取。",
                    "请用阅读器打开检查，重新导出或扫描（PDF 可“打印为 PDF”得到干净的副本）后把新文件放入 inbox；如文件确实无误，请管理员在 application.properties 中提高 ingest.max-stream-mb。"}),
            Map.entry("TOO_MANY_PAGES", new String[]{"文件的页数超过了允许的上限。",
                    "请把文件拆分后再放入 inbox，或请管理员在 application.properties 中提高上限。"}),
            Map.entry("PAGE_TOO_LARGE", new String[]{"文件中有一页图像过大，无法安全处理。",
                    "请以较低分辨率（例如 300 dpi）重新扫描或导出后放入 inbox。"}),
            Map.entry("TIMEOUT", new String[]{"文件处理时间超过了允许的上限，已放弃处理，未保存任何部分结果。",
                    "请把文件拆分后再放入 inbox，或请管理员在 application.properties 中提高时间上限。"}),
            Map.entry("UNSUPPORTED_TYPE", new String[]{"文件类型不受支持：服务只读取 PDF、TIFF、PNG、JPEG 和纯文本报告。",
                    "请转换为 PDF（或把扫描件导出为 TIFF/PNG/JPEG）后重新放入 inbox。"}),
            Map.entry("CORRUPT", new String[]{"文件已损坏或不完整，无法读取。",
                    "请用阅读器打开检查，重新扫描或导出后把新文件放入 inbox。"}),
            Map.entry("ENCRYPTED", new String[]{"PDF 设有打开密码，无法读取页面。",
                    "请向发送方索取未加密的副本（或去掉密码）后重新放入 inbox。"}),
            Map.entry("UNREADABLE", new String[]{"无法从 inbox 读取该文件。",
                    "请确认文件没有被占用或截断，然后重新放入 inbox。"}),
            Map.entry("UNKNOWN_ENCODING", new String[]{"文本文件既不是 UTF-8 也不是 GB18030/GBK 编码，无法可靠读取。",
                    "请另存为 UTF-8 后重新放入 inbox。"}),
            Map.entry("NOT_A_FILE", new String[]{"这不是普通文件（例如管道或设备），服务不会读取它。",
                    "请把报告作为普通文件复制到 inbox。"}),
            Map.entry("SYMLINK", new String[]{"这是一个链接，不是文件本身；服务不跟随链接，也没有读取它指向的内容。",
                    "请把报告文件本身（而不是链接）复制到 inbox。"}),
            Map.entry("NAME_NOT_SUPPORTED", new String[]{"文件名中含有反斜杠（\\），服务无法接收；文件未被读取。",
                    "请把文件改名（去掉反斜杠）后重新放入 inbox。"}),
            Map.entry("INTERNAL_ERROR", new String[]{"由于服务自身的故障，文件未能处理；这不是文件的问题。",
                    "请把文件留在 failed/ 并通知维护人员（服务日志中有详细信息），修复后再把文件移回 inbox。"}),
            Map.entry("", new String[]{"文件未能处理。", "请查看英文说明；如有疑问请联系维护人员。"}));
}
