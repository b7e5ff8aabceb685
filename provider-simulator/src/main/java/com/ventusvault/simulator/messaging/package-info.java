/**
 * SMS and email providers: Twilio's Messages API ({@code /twilio/2010-04-01/Accounts/{sid}/Messages.json}) and Twilio
 * SendGrid's v3 mail send ({@code /sendgrid/v3/mail/send}), with their authentication, validation errors and success
 * answers. Nothing leaves the machine: accepted messages are kept for tests at {@code /_simulator/messages}.
 */
package com.ventusvault.simulator.messaging;
