// SPDX-License-Identifier: GPL-2.0
/*
 * S1AP elementary procedures (TS 36.413 v16.1.0, 9.3.2 and 9.3.6) and, per
 * message, its IEs with criticality and presence (9.3.3 S1AP-PDU-Contents).
 * The messages listed here are decoded IE by IE; other procedures decode
 * to a raw message value.
 */
#include <string.h>

#include "proto/s1ap_types.h"

#define REJ S1AP_REJECT
#define IGN S1AP_IGNORE
#define MAN S1AP_MANDATORY
#define OPT S1AP_OPTIONAL
#define CON S1AP_CONDITIONAL

static const struct s1ap_proc_info procs[] = {
	{  0, REJ, "HandoverPreparation" },
	{  1, REJ, "HandoverResourceAllocation" },
	{  2, IGN, "HandoverNotification" },
	{  3, REJ, "PathSwitchRequest" },
	{  4, REJ, "HandoverCancel" },
	{  5, REJ, "E-RABSetup" },
	{  6, REJ, "E-RABModify" },
	{  7, REJ, "E-RABRelease" },
	{  8, IGN, "E-RABReleaseIndication" },
	{  9, REJ, "InitialContextSetup" },
	{ 10, IGN, "Paging" },
	{ 11, IGN, "downlinkNASTransport" },
	{ 12, IGN, "initialUEMessage" },
	{ 13, IGN, "uplinkNASTransport" },
	{ 14, REJ, "Reset" },
	{ 15, IGN, "ErrorIndication" },
	{ 16, IGN, "NASNonDeliveryIndication" },
	{ 17, REJ, "S1Setup" },
	{ 18, IGN, "UEContextReleaseRequest" },
	{ 19, IGN, "DownlinkS1cdma2000tunnelling" },
	{ 20, IGN, "UplinkS1cdma2000tunnelling" },
	{ 21, REJ, "UEContextModification" },
	{ 22, IGN, "UECapabilityInfoIndication" },
	{ 23, REJ, "UEContextRelease" },
	{ 24, IGN, "eNBStatusTransfer" },
	{ 25, IGN, "MMEStatusTransfer" },
	{ 26, IGN, "DeactivateTrace" },
	{ 27, IGN, "TraceStart" },
	{ 28, IGN, "TraceFailureIndication" },
	{ 29, REJ, "ENBConfigurationUpdate" },
	{ 30, REJ, "MMEConfigurationUpdate" },
	{ 31, IGN, "LocationReportingControl" },
	{ 32, IGN, "LocationReportingFailureIndication" },
	{ 33, IGN, "LocationReport" },
	{ 34, IGN, "OverloadStart" },
	{ 35, REJ, "OverloadStop" },
	{ 36, REJ, "WriteReplaceWarning" },
	{ 37, IGN, "eNBDirectInformationTransfer" },
	{ 38, IGN, "MMEDirectInformationTransfer" },
	{ 39, IGN, "PrivateMessage" },
	{ 40, IGN, "eNBConfigurationTransfer" },
	{ 41, IGN, "MMEConfigurationTransfer" },
	{ 42, IGN, "CellTrafficTrace" },
	{ 43, REJ, "Kill" },
	{ 44, IGN, "downlinkUEAssociatedLPPaTransport" },
	{ 45, IGN, "uplinkUEAssociatedLPPaTransport" },
	{ 46, IGN, "downlinkNonUEAssociatedLPPaTransport" },
	{ 47, IGN, "uplinkNonUEAssociatedLPPaTransport" },
	{ 48, REJ, "UERadioCapabilityMatch" },
	{ 49, IGN, "PWSRestartIndication" },
	{ 50, REJ, "E-RABModificationIndication" },
	{ 51, IGN, "PWSFailureIndication" },
	{ 52, REJ, "RerouteNASRequest" },
	{ 53, REJ, "UEContextModificationIndication" },
	{ 54, REJ, "ConnectionEstablishmentIndication" },
	{ 55, REJ, "UEContextSuspend" },
	{ 56, REJ, "UEContextResume" },
	{ 57, IGN, "NASDeliveryIndication" },
	{ 58, REJ, "RetrieveUEInformation" },
	{ 59, REJ, "UEInformationTransfer" },
	{ 60, REJ, "eNBCPRelocationIndication" },
	{ 61, REJ, "MMECPRelocationIndication" },
	{ 62, IGN, "SecondaryRATDataUsageReport" },
};

static const struct s1ap_msg_ie handoverrequired[] = {
	{ 0, REJ, MAN }, { 8, REJ, MAN }, { 1, REJ, MAN }, { 2, IGN, MAN }, { 4, REJ, MAN },
	{ 79, IGN, OPT }, { 125, REJ, OPT }, { 104, REJ, MAN }, { 138, REJ, OPT },
	{ 132, REJ, CON }, { 133, IGN, CON }, { 127, REJ, OPT }, { 145, REJ, OPT },
	{ 150, IGN, OPT },
};
static const struct s1ap_msg_ie handovercommand[] = {
	{ 0, REJ, MAN }, { 8, REJ, MAN }, { 1, REJ, MAN }, { 135, REJ, CON }, { 12, IGN, OPT },
	{ 13, IGN, OPT }, { 123, REJ, MAN }, { 139, REJ, OPT }, { 58, IGN, OPT },
};
static const struct s1ap_msg_ie handoverpreparationfailure[] = {
	{ 0, IGN, MAN }, { 8, IGN, MAN }, { 2, IGN, MAN }, { 58, IGN, OPT },
};
static const struct s1ap_msg_ie handoverrequest[] = {
	{ 0, REJ, MAN }, { 1, REJ, MAN }, { 2, IGN, MAN }, { 66, REJ, MAN }, { 53, REJ, MAN },
	{ 104, REJ, MAN }, { 107, REJ, MAN }, { 41, IGN, OPT }, { 25, IGN, OPT },
	{ 98, IGN, OPT }, { 124, IGN, OPT }, { 40, REJ, MAN }, { 136, REJ, CON },
	{ 127, REJ, OPT }, { 146, IGN, OPT }, { 75, IGN, OPT }, { 158, IGN, OPT },
	{ 165, IGN, OPT }, { 177, IGN, OPT }, { 192, IGN, OPT }, { 196, IGN, OPT },
	{ 195, IGN, OPT }, { 241, IGN, OPT }, { 240, IGN, OPT }, { 248, IGN, OPT },
	{ 251, IGN, OPT }, { 269, IGN, OPT }, { 271, IGN, OPT }, { 277, IGN, OPT },
	{ 283, IGN, OPT }, { 278, IGN, OPT }, { 299, IGN, OPT },
};
static const struct s1ap_msg_ie handoverrequestacknowledge[] = {
	{ 0, IGN, MAN }, { 8, IGN, MAN }, { 18, IGN, MAN }, { 19, IGN, OPT }, { 123, REJ, MAN },
	{ 127, IGN, OPT }, { 58, IGN, OPT }, { 145, IGN, OPT }, { 242, IGN, OPT },
};
static const struct s1ap_msg_ie handoverfailure[] = {
	{ 0, IGN, MAN }, { 2, IGN, MAN }, { 58, IGN, OPT },
};
static const struct s1ap_msg_ie handovernotify[] = {
	{ 0, REJ, MAN }, { 8, REJ, MAN }, { 100, IGN, MAN }, { 67, IGN, MAN }, { 176, IGN, OPT },
	{ 186, IGN, OPT }, { 288, IGN, OPT },
};
static const struct s1ap_msg_ie pathswitchrequest[] = {
	{ 8, REJ, MAN }, { 22, REJ, MAN }, { 88, REJ, MAN }, { 100, IGN, MAN }, { 67, IGN, MAN },
	{ 107, IGN, MAN }, { 127, IGN, OPT }, { 145, IGN, OPT }, { 157, IGN, OPT },
	{ 146, IGN, OPT }, { 176, IGN, OPT }, { 186, IGN, OPT }, { 245, IGN, OPT },
	{ 269, IGN, OPT }, { 288, IGN, OPT },
};
static const struct s1ap_msg_ie pathswitchrequestacknowledge[] = {
	{ 0, IGN, MAN }, { 8, IGN, MAN }, { 66, IGN, OPT }, { 95, IGN, OPT }, { 33, IGN, OPT },
	{ 40, REJ, MAN }, { 58, IGN, OPT }, { 158, IGN, OPT }, { 146, IGN, OPT },
	{ 195, IGN, OPT }, { 241, IGN, OPT }, { 240, IGN, OPT }, { 248, IGN, OPT },
	{ 251, IGN, OPT }, { 269, IGN, OPT }, { 271, IGN, OPT }, { 277, IGN, OPT },
	{ 283, IGN, OPT }, { 278, IGN, OPT }, { 41, IGN, OPT }, { 299, IGN, OPT },
};
static const struct s1ap_msg_ie pathswitchrequestfailure[] = {
	{ 0, IGN, MAN }, { 8, IGN, MAN }, { 2, IGN, MAN }, { 58, IGN, OPT },
};
static const struct s1ap_msg_ie handovercancel[] = {
	{ 0, REJ, MAN }, { 8, REJ, MAN }, { 2, IGN, MAN },
};
static const struct s1ap_msg_ie handovercancelacknowledge[] = {
	{ 0, IGN, MAN }, { 8, IGN, MAN }, { 58, IGN, OPT },
};
static const struct s1ap_msg_ie e_rabsetuprequest[] = {
	{ 0, REJ, MAN }, { 8, REJ, MAN }, { 66, REJ, OPT }, { 16, REJ, MAN },
};
static const struct s1ap_msg_ie e_rabsetupresponse[] = {
	{ 0, IGN, MAN }, { 8, IGN, MAN }, { 28, IGN, OPT }, { 29, IGN, OPT }, { 58, IGN, OPT },
};
static const struct s1ap_msg_ie e_rabmodifyrequest[] = {
	{ 0, REJ, MAN }, { 8, REJ, MAN }, { 66, REJ, OPT }, { 30, REJ, MAN }, { 268, IGN, OPT },
};
static const struct s1ap_msg_ie e_rabmodifyresponse[] = {
	{ 0, IGN, MAN }, { 8, IGN, MAN }, { 31, IGN, OPT }, { 32, IGN, OPT }, { 58, IGN, OPT },
	{ 264, IGN, OPT },
};
static const struct s1ap_msg_ie e_rabreleasecommand[] = {
	{ 0, REJ, MAN }, { 8, REJ, MAN }, { 66, REJ, OPT }, { 33, IGN, MAN }, { 26, IGN, OPT },
};
static const struct s1ap_msg_ie e_rabreleaseresponse[] = {
	{ 0, IGN, MAN }, { 8, IGN, MAN }, { 69, IGN, OPT }, { 34, IGN, OPT }, { 58, IGN, OPT },
	{ 189, IGN, OPT }, { 264, IGN, OPT },
};
static const struct s1ap_msg_ie e_rabreleaseindication[] = {
	{ 0, REJ, MAN }, { 8, REJ, MAN }, { 110, IGN, MAN }, { 189, IGN, OPT }, { 264, IGN, OPT },
};
static const struct s1ap_msg_ie initialcontextsetuprequest[] = {
	{ 0, REJ, MAN }, { 8, REJ, MAN }, { 66, REJ, MAN }, { 24, REJ, MAN }, { 107, REJ, MAN },
	{ 73, REJ, MAN }, { 25, IGN, OPT }, { 41, IGN, OPT }, { 74, IGN, OPT }, { 106, IGN, OPT },
	{ 108, REJ, OPT }, { 124, IGN, OPT }, { 146, IGN, OPT }, { 159, IGN, OPT },
	{ 75, IGN, OPT }, { 158, IGN, OPT }, { 165, IGN, OPT }, { 177, IGN, OPT },
	{ 187, IGN, CON }, { 192, IGN, OPT }, { 196, IGN, OPT }, { 195, IGN, OPT },
	{ 241, IGN, OPT }, { 240, IGN, OPT }, { 248, IGN, OPT }, { 251, IGN, OPT },
	{ 269, IGN, OPT }, { 271, IGN, OPT }, { 277, IGN, OPT }, { 283, IGN, OPT },
	{ 278, IGN, OPT }, { 299, IGN, OPT },
};
static const struct s1ap_msg_ie initialcontextsetupresponse[] = {
	{ 0, IGN, MAN }, { 8, IGN, MAN }, { 51, IGN, MAN }, { 48, IGN, OPT }, { 58, IGN, OPT },
};
static const struct s1ap_msg_ie initialcontextsetupfailure[] = {
	{ 0, IGN, MAN }, { 8, IGN, MAN }, { 2, IGN, MAN }, { 58, IGN, OPT },
};
static const struct s1ap_msg_ie paging[] = {
	{ 80, IGN, MAN }, { 43, IGN, MAN }, { 44, IGN, OPT }, { 109, IGN, MAN }, { 46, IGN, MAN },
	{ 128, IGN, OPT }, { 151, IGN, OPT }, { 198, IGN, OPT }, { 211, IGN, OPT },
	{ 227, IGN, OPT }, { 231, IGN, OPT }, { 239, IGN, OPT }, { 244, IGN, OPT },
	{ 251, IGN, OPT }, { 271, IGN, OPT },
};
static const struct s1ap_msg_ie downlinknastransport[] = {
	{ 0, REJ, MAN }, { 8, REJ, MAN }, { 26, REJ, MAN }, { 41, IGN, OPT }, { 106, IGN, OPT },
	{ 124, IGN, OPT }, { 74, IGN, OPT }, { 249, IGN, OPT }, { 251, IGN, OPT },
	{ 269, IGN, OPT }, { 271, IGN, OPT }, { 275, IGN, OPT }, { 280, IGN, OPT },
	{ 283, IGN, OPT }, { 278, IGN, OPT }, { 299, IGN, OPT },
};
static const struct s1ap_msg_ie initialuemessage[] = {
	{ 8, REJ, MAN }, { 26, REJ, MAN }, { 67, REJ, MAN }, { 100, IGN, MAN }, { 134, IGN, MAN },
	{ 96, REJ, OPT }, { 127, REJ, OPT }, { 75, REJ, OPT }, { 145, REJ, OPT },
	{ 155, IGN, OPT }, { 160, REJ, OPT }, { 170, IGN, OPT }, { 176, IGN, OPT },
	{ 184, IGN, OPT }, { 186, IGN, OPT }, { 223, IGN, OPT }, { 230, IGN, OPT },
	{ 242, IGN, OPT }, { 246, IGN, OPT }, { 250, IGN, OPT }, { 263, IGN, OPT },
	{ 281, IGN, OPT },
};
static const struct s1ap_msg_ie uplinknastransport[] = {
	{ 0, REJ, MAN }, { 8, REJ, MAN }, { 26, REJ, MAN }, { 100, IGN, MAN }, { 67, IGN, MAN },
	{ 155, IGN, OPT }, { 184, IGN, OPT }, { 186, IGN, OPT }, { 288, IGN, OPT },
};
static const struct s1ap_msg_ie reset[] = {
	{ 2, IGN, MAN }, { 92, REJ, MAN },
};
static const struct s1ap_msg_ie resetacknowledge[] = {
	{ 93, IGN, OPT }, { 58, IGN, OPT },
};
static const struct s1ap_msg_ie errorindication[] = {
	{ 0, IGN, OPT }, { 8, IGN, OPT }, { 2, IGN, OPT }, { 58, IGN, OPT }, { 96, IGN, OPT },
};
static const struct s1ap_msg_ie nasnondeliveryindication[] = {
	{ 0, REJ, MAN }, { 8, REJ, MAN }, { 26, IGN, MAN }, { 2, IGN, MAN },
};
static const struct s1ap_msg_ie s1setuprequest[] = {
	{ 59, REJ, MAN }, { 60, IGN, OPT }, { 64, REJ, MAN }, { 137, IGN, MAN },
	{ 128, REJ, OPT }, { 228, IGN, OPT }, { 234, IGN, OPT }, { 291, IGN, OPT },
};
static const struct s1ap_msg_ie s1setupresponse[] = {
	{ 61, IGN, OPT }, { 105, REJ, MAN }, { 87, IGN, MAN }, { 163, IGN, OPT },
	{ 58, IGN, OPT }, { 228, IGN, OPT }, { 247, IGN, OPT },
};
static const struct s1ap_msg_ie s1setupfailure[] = {
	{ 2, IGN, MAN }, { 65, IGN, OPT }, { 58, IGN, OPT },
};
static const struct s1ap_msg_ie uecontextreleaserequest[] = {
	{ 0, REJ, MAN }, { 8, REJ, MAN }, { 2, IGN, MAN }, { 164, REJ, OPT }, { 264, IGN, OPT },
};
static const struct s1ap_msg_ie uecontextmodificationrequest[] = {
	{ 0, REJ, MAN }, { 8, REJ, MAN }, { 73, REJ, OPT }, { 106, IGN, OPT }, { 66, IGN, OPT },
	{ 108, REJ, OPT }, { 107, REJ, OPT }, { 146, IGN, OPT }, { 159, IGN, OPT },
	{ 187, IGN, CON }, { 195, IGN, OPT }, { 124, IGN, OPT }, { 243, IGN, OPT },
	{ 240, IGN, OPT }, { 248, IGN, OPT }, { 269, IGN, OPT }, { 277, IGN, OPT },
	{ 299, IGN, OPT },
};
static const struct s1ap_msg_ie uecontextmodificationresponse[] = {
	{ 0, IGN, MAN }, { 8, IGN, MAN }, { 58, IGN, OPT },
};
static const struct s1ap_msg_ie uecontextmodificationfailure[] = {
	{ 0, IGN, MAN }, { 8, IGN, MAN }, { 2, IGN, MAN }, { 58, IGN, OPT },
};
static const struct s1ap_msg_ie uecapabilityinfoindication[] = {
	{ 0, REJ, MAN }, { 8, REJ, MAN }, { 74, IGN, MAN }, { 198, IGN, OPT }, { 263, IGN, OPT },
	{ 272, IGN, OPT },
};
static const struct s1ap_msg_ie uecontextreleasecommand[] = {
	{ 99, REJ, MAN }, { 2, IGN, MAN },
};
static const struct s1ap_msg_ie uecontextreleasecomplete[] = {
	{ 0, IGN, MAN }, { 8, IGN, MAN }, { 58, IGN, OPT }, { 189, IGN, OPT }, { 213, IGN, OPT },
	{ 212, IGN, OPT }, { 264, IGN, OPT }, { 297, IGN, OPT },
};
static const struct s1ap_msg_ie enbstatustransfer[] = {
	{ 0, REJ, MAN }, { 8, REJ, MAN }, { 90, REJ, MAN },
};
static const struct s1ap_msg_ie mmestatustransfer[] = {
	{ 0, REJ, MAN }, { 8, REJ, MAN }, { 90, REJ, MAN },
};
static const struct s1ap_msg_ie enbconfigurationupdate[] = {
	{ 60, IGN, OPT }, { 64, REJ, OPT }, { 128, REJ, OPT }, { 137, IGN, OPT },
	{ 234, IGN, OPT }, { 292, IGN, OPT }, { 293, IGN, OPT },
};
static const struct s1ap_msg_ie enbconfigurationupdateacknowledge[] = {
	{ 58, IGN, OPT },
};
static const struct s1ap_msg_ie enbconfigurationupdatefailure[] = {
	{ 2, IGN, MAN }, { 65, IGN, OPT }, { 58, IGN, OPT },
};
static const struct s1ap_msg_ie mmeconfigurationupdate[] = {
	{ 61, IGN, OPT }, { 105, REJ, OPT }, { 87, REJ, OPT }, { 247, IGN, OPT },
};
static const struct s1ap_msg_ie mmeconfigurationupdateacknowledge[] = {
	{ 58, IGN, OPT },
};
static const struct s1ap_msg_ie mmeconfigurationupdatefailure[] = {
	{ 2, IGN, MAN }, { 65, IGN, OPT }, { 58, IGN, OPT },
};
static const struct s1ap_msg_ie enbconfigurationtransfer[] = {
	{ 129, IGN, OPT }, { 294, IGN, OPT },
};
static const struct s1ap_msg_ie mmeconfigurationtransfer[] = {
	{ 130, IGN, OPT }, { 295, IGN, OPT },
};

static const struct s1ap_msg msgs[] = {
	{ 0, 0, "HandoverRequired", handoverrequired, S1AP_ARRAY_SIZE(handoverrequired) },
	{ 0, 1, "HandoverCommand", handovercommand, S1AP_ARRAY_SIZE(handovercommand) },
	{ 0, 2, "HandoverPreparationFailure", handoverpreparationfailure, S1AP_ARRAY_SIZE(handoverpreparationfailure) },
	{ 1, 0, "HandoverRequest", handoverrequest, S1AP_ARRAY_SIZE(handoverrequest) },
	{ 1, 1, "HandoverRequestAcknowledge", handoverrequestacknowledge, S1AP_ARRAY_SIZE(handoverrequestacknowledge) },
	{ 1, 2, "HandoverFailure", handoverfailure, S1AP_ARRAY_SIZE(handoverfailure) },
	{ 2, 0, "HandoverNotify", handovernotify, S1AP_ARRAY_SIZE(handovernotify) },
	{ 3, 0, "PathSwitchRequest", pathswitchrequest, S1AP_ARRAY_SIZE(pathswitchrequest) },
	{ 3, 1, "PathSwitchRequestAcknowledge", pathswitchrequestacknowledge, S1AP_ARRAY_SIZE(pathswitchrequestacknowledge) },
	{ 3, 2, "PathSwitchRequestFailure", pathswitchrequestfailure, S1AP_ARRAY_SIZE(pathswitchrequestfailure) },
	{ 4, 0, "HandoverCancel", handovercancel, S1AP_ARRAY_SIZE(handovercancel) },
	{ 4, 1, "HandoverCancelAcknowledge", handovercancelacknowledge, S1AP_ARRAY_SIZE(handovercancelacknowledge) },
	{ 5, 0, "E-RABSetupRequest", e_rabsetuprequest, S1AP_ARRAY_SIZE(e_rabsetuprequest) },
	{ 5, 1, "E-RABSetupResponse", e_rabsetupresponse, S1AP_ARRAY_SIZE(e_rabsetupresponse) },
	{ 6, 0, "E-RABModifyRequest", e_rabmodifyrequest, S1AP_ARRAY_SIZE(e_rabmodifyrequest) },
	{ 6, 1, "E-RABModifyResponse", e_rabmodifyresponse, S1AP_ARRAY_SIZE(e_rabmodifyresponse) },
	{ 7, 0, "E-RABReleaseCommand", e_rabreleasecommand, S1AP_ARRAY_SIZE(e_rabreleasecommand) },
	{ 7, 1, "E-RABReleaseResponse", e_rabreleaseresponse, S1AP_ARRAY_SIZE(e_rabreleaseresponse) },
	{ 8, 0, "E-RABReleaseIndication", e_rabreleaseindication, S1AP_ARRAY_SIZE(e_rabreleaseindication) },
	{ 9, 0, "InitialContextSetupRequest", initialcontextsetuprequest, S1AP_ARRAY_SIZE(initialcontextsetuprequest) },
	{ 9, 1, "InitialContextSetupResponse", initialcontextsetupresponse, S1AP_ARRAY_SIZE(initialcontextsetupresponse) },
	{ 9, 2, "InitialContextSetupFailure", initialcontextsetupfailure, S1AP_ARRAY_SIZE(initialcontextsetupfailure) },
	{ 10, 0, "Paging", paging, S1AP_ARRAY_SIZE(paging) },
	{ 11, 0, "DownlinkNASTransport", downlinknastransport, S1AP_ARRAY_SIZE(downlinknastransport) },
	{ 12, 0, "InitialUEMessage", initialuemessage, S1AP_ARRAY_SIZE(initialuemessage) },
	{ 13, 0, "UplinkNASTransport", uplinknastransport, S1AP_ARRAY_SIZE(uplinknastransport) },
	{ 14, 0, "Reset", reset, S1AP_ARRAY_SIZE(reset) },
	{ 14, 1, "ResetAcknowledge", resetacknowledge, S1AP_ARRAY_SIZE(resetacknowledge) },
	{ 15, 0, "ErrorIndication", errorindication, S1AP_ARRAY_SIZE(errorindication) },
	{ 16, 0, "NASNonDeliveryIndication", nasnondeliveryindication, S1AP_ARRAY_SIZE(nasnondeliveryindication) },
	{ 17, 0, "S1SetupRequest", s1setuprequest, S1AP_ARRAY_SIZE(s1setuprequest) },
	{ 17, 1, "S1SetupResponse", s1setupresponse, S1AP_ARRAY_SIZE(s1setupresponse) },
	{ 17, 2, "S1SetupFailure", s1setupfailure, S1AP_ARRAY_SIZE(s1setupfailure) },
	{ 18, 0, "UEContextReleaseRequest", uecontextreleaserequest, S1AP_ARRAY_SIZE(uecontextreleaserequest) },
	{ 21, 0, "UEContextModificationRequest", uecontextmodificationrequest, S1AP_ARRAY_SIZE(uecontextmodificationrequest) },
	{ 21, 1, "UEContextModificationResponse", uecontextmodificationresponse, S1AP_ARRAY_SIZE(uecontextmodificationresponse) },
	{ 21, 2, "UEContextModificationFailure", uecontextmodificationfailure, S1AP_ARRAY_SIZE(uecontextmodificationfailure) },
	{ 22, 0, "UECapabilityInfoIndication", uecapabilityinfoindication, S1AP_ARRAY_SIZE(uecapabilityinfoindication) },
	{ 23, 0, "UEContextReleaseCommand", uecontextreleasecommand, S1AP_ARRAY_SIZE(uecontextreleasecommand) },
	{ 23, 1, "UEContextReleaseComplete", uecontextreleasecomplete, S1AP_ARRAY_SIZE(uecontextreleasecomplete) },
	{ 24, 0, "ENBStatusTransfer", enbstatustransfer, S1AP_ARRAY_SIZE(enbstatustransfer) },
	{ 25, 0, "MMEStatusTransfer", mmestatustransfer, S1AP_ARRAY_SIZE(mmestatustransfer) },
	{ 29, 0, "ENBConfigurationUpdate", enbconfigurationupdate, S1AP_ARRAY_SIZE(enbconfigurationupdate) },
	{ 29, 1, "ENBConfigurationUpdateAcknowledge", enbconfigurationupdateacknowledge, S1AP_ARRAY_SIZE(enbconfigurationupdateacknowledge) },
	{ 29, 2, "ENBConfigurationUpdateFailure", enbconfigurationupdatefailure, S1AP_ARRAY_SIZE(enbconfigurationupdatefailure) },
	{ 30, 0, "MMEConfigurationUpdate", mmeconfigurationupdate, S1AP_ARRAY_SIZE(mmeconfigurationupdate) },
	{ 30, 1, "MMEConfigurationUpdateAcknowledge", mmeconfigurationupdateacknowledge, S1AP_ARRAY_SIZE(mmeconfigurationupdateacknowledge) },
	{ 30, 2, "MMEConfigurationUpdateFailure", mmeconfigurationupdatefailure, S1AP_ARRAY_SIZE(mmeconfigurationupdatefailure) },
	{ 40, 0, "ENBConfigurationTransfer", enbconfigurationtransfer, S1AP_ARRAY_SIZE(enbconfigurationtransfer) },
	{ 41, 0, "MMEConfigurationTransfer", mmeconfigurationtransfer, S1AP_ARRAY_SIZE(mmeconfigurationtransfer) },
};

const struct s1ap_proc_info *s1ap_proc_info(unsigned int code)
{
	return code < S1AP_ARRAY_SIZE(procs) ? &procs[code] : NULL;
}

const struct s1ap_msg *s1ap_msg_find(unsigned int proc, unsigned int kind)
{
	for (size_t i = 0; i < S1AP_ARRAY_SIZE(msgs); i++)
		if (msgs[i].proc == proc && msgs[i].kind == kind)
			return &msgs[i];
	return NULL;
}

const struct s1ap_msg *s1ap_msg_by_name(const char *name)
{
	for (size_t i = 0; i < S1AP_ARRAY_SIZE(msgs); i++)
		if (!strcmp(msgs[i].name, name))
			return &msgs[i];
	return NULL;
}

const struct s1ap_msg_ie *s1ap_msg_ie(const struct s1ap_msg *m, unsigned int id)
{
	for (unsigned int i = 0; i < m->n_ies; i++)
		if (m->ies[i].id == id)
			return &m->ies[i];
	return NULL;
}

const char *s1ap_crit_name(unsigned int crit)
{
	static const char *const names[] = { "reject", "ignore", "notify" };

	return crit < 3 ? names[crit] : "?";
}
