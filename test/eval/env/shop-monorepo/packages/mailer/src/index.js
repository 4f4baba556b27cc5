const nodemailer = require('nodemailer');

const transport = nodemailer.createTransport({
  host: process.env.SMTP_HOST,
  port: parseInt(process.env.SMTP_PORT || '587', 10),
  auth: { user: process.env.SMTP_USER, pass: process.env.SMTP_PASSWORD },
});

module.exports.send = (to, subject, html) =>
  transport.sendMail({ from: process.env.MAIL_FROM || 'shop@example.test', to, subject, html });
