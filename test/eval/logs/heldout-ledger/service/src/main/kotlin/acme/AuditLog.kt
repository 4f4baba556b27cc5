package acme

import ch.qos.logback.classic.LoggerContext
import ch.qos.logback.classic.encoder.PatternLayoutEncoder
import ch.qos.logback.classic.spi.ILoggingEvent
import ch.qos.logback.core.rolling.RollingFileAppender
import org.slf4j.LoggerFactory

object AuditLog {
    fun install() {
        val ctx = LoggerFactory.getILoggerFactory() as LoggerContext
        val appender = RollingFileAppender<ILoggingEvent>()
        appender.context = ctx
        appender.file = "audit/audit.log"
        appender.encoder = PatternLayoutEncoder().apply { pattern = "%msg%n"; context = ctx; start() }
        appender.start()
    }
}
